import type { Request, RequestHandler, Response } from 'express';
import { constantTimeEqual } from '../auth/constantTimeEqual.js';
import type { HubMetrics } from '../metrics/HubMetrics.js';

const BEARER = /^Bearer (.+)$/;

/**
 * `GET /metrics`: the Prometheus text. With a `token`, only requests with
 * `Authorization: Bearer <token>` get it; others get 401 and nothing about the hub.
 */
export function metricsHandler(metrics: HubMetrics, token?: string): RequestHandler {
  return async (req: Request, res: Response, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (token !== undefined) {
      const given = BEARER.exec(req.headers.authorization ?? '')?.[1];
      if (given === undefined || !constantTimeEqual(given, token)) {
        res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="rigcast metrics"');
        res.type('text').send('401: /metrics needs "Authorization: Bearer <token>" with the hub\'s metrics token (RIGCAST_METRICS_TOKEN).\n');
        return;
      }
    }
    try {
      const text = await metrics.text();
      res.type(metrics.registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  };
}
