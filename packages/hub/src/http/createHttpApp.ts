import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { HubMetrics } from '../metrics/HubMetrics.js';
import type { ClusterHealth } from '../relay/RoomAdapter.js';
import { metricsHandler } from './metricsHandler.js';
import { modelContentType } from './modelContentType.js';
import { notFound, plainErrors } from './plainErrors.js';
import { renderLandingPage } from './renderLandingPage.js';
import { renderMissingAppPage } from './renderMissingAppPage.js';

/** What `/healthz` reports. */
export interface HealthReport {
  /** True while the hub serves (it does while Redis is away, for its own viewers). */
  ok: true;
  /** `degraded` in cluster mode while Redis is not up: this node's viewers only. */
  status: 'ok' | 'degraded';
  /** Seconds since the hub started. */
  uptime: number;
  rooms: number;
  connections: number;
  cluster: ClusterHealth;
}

/** Inputs of {@link createHttpApp}. */
export interface HttpAppOptions {
  /** Built app folders served at `/<name>/` (each with an `index.html`). */
  apps: Readonly<Record<string, string>>;
  /** Folders served at `/models/`, first hit wins. */
  modelsDirs: readonly string[];
  metrics: HubMetrics;
  /** Serve `/metrics` here (false when it has a listener of its own). */
  serveMetrics: boolean;
  /** When set, `/metrics` needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  health: () => HealthReport;
}

const INDEX_HTML = 'index.html';

function serveApp(app: Express, name: string, dir: string): void {
  const mount = `/${name}`;
  const indexPath = join(dir, INDEX_HTML);
  // Relative asset URLs need the trailing slash: /tracker → /tracker/ (query kept).
  app.use(mount, (req: Request, res: Response, next: NextFunction) => {
    const [path, query] = splitUrl(req.originalUrl);
    if (path === mount) return res.redirect(308, `${mount}/${query}`);
    next();
  });
  app.use(mount, express.static(dir, { index: INDEX_HTML, dotfiles: 'ignore' }));
  app.use(mount, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(indexPath)) {
      res.status(503).type('html').send(renderMissingAppPage(name));
      return;
    }
    // A path with a file extension is a missing asset, not a page: 404 rather than index.html.
    if (/\.[A-Za-z0-9]+$/.test(req.path)) return next();
    res.sendFile(indexPath);
  });
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
}

function serveModels(app: Express, dirs: readonly string[]): void {
  app.use('/models', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  for (const dir of dirs) {
    app.use(
      '/models',
      express.static(dir, {
        index: false,
        dotfiles: 'ignore',
        setHeaders(res, path) {
          const type = modelContentType(path);
          if (type) res.setHeader('Content-Type', type);
        },
      }),
    );
  }
  // Names no folder of the server: strangers read this too.
  app.use('/models', (req: Request, res: Response) => {
    res
      .status(404)
      .type('text')
      .send(`No model at /models${req.path}. The hub's operator can add it to a models folder (--models-dir or RIGCAST_MODELS_DIR).\n`);
  });
}

/**
 * The hub's HTTP side: landing page, health, metrics, the two apps and the models. No response
 * names a folder of the server or carries a stack trace.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.get('/', (_req, res) => {
    res.type('html').send(renderLandingPage());
  });
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(options.health());
  });
  if (options.serveMetrics) app.get('/metrics', metricsHandler(options.metrics, options.metricsToken));
  for (const [name, dir] of Object.entries(options.apps)) serveApp(app, name, dir);
  serveModels(app, options.modelsDirs);
  app.use(notFound);
  app.use(plainErrors);
  return app;
}

/** The app of the loopback-only metrics listener (`metricsPort`): `/metrics` and nothing else. */
export function createMetricsApp(metrics: HubMetrics, token?: string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics, token));
  app.use(notFound);
  app.use(plainErrors);
  return app;
}
