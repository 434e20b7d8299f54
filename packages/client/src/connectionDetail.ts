import { ConnectErrorCode, type ClientRole } from '@rigcast/protocol';
import { FailureStage, type ConnectFailure } from './readConnectError';
import { refusalAdvice, type RefusalAdvice } from './refusalAdvice';

/** Who the messages are about, and where. */
export interface DetailContext {
  /** The hub's base URL. */
  url: string;
  /** How the user knows this client: "tracker", "avatar page", … */
  name: string;
  role: ClientRole;
  /** The client's own advice, overriding the pages'. */
  advice?: RefusalAdvice;
}

function retrying(delayMs: number): string {
  return `Retrying in ${(delayMs / 1000).toFixed(1)} s.`;
}

/** Hub messages are sentences; this text goes on after them. */
function clause(message: string): string {
  return message.replace(/[.\s]+$/, '');
}

/** The origin of the page this runs in, when it is not the hub's (a reason the hub may refuse it). */
function foreignPageOrigin(url: string): string | null {
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!page || page === 'null') return null;
  try {
    return new URL(url).origin === page ? null : page;
  } catch {
    return null;
  }
}

/** Why the last attempt failed and what to do, for the user. */
export function failureDetail(context: DetailContext, failure: ConnectFailure, delayMs: number): string {
  const { url, name, role, advice } = context;
  if (failure.code) {
    return `The hub refused this ${name}: ${clause(failure.message)}. To fix: ${refusalAdvice(role, failure.code, advice)}. ${retrying(delayMs)}`;
  }
  if (failure.stage === FailureStage.Handshake) return `The hub refused this ${name}: ${clause(failure.message)}. ${retrying(delayMs)}`;
  if (failure.stage === FailureStage.Upgrade) {
    return (
      `The hub at ${url} turned this ${name} away before the handshake (${failure.message}): ` +
      `it does not allow this ${name}'s origin, or it is shutting down. ` +
      `To fix: ${refusalAdvice(role, ConnectErrorCode.BadOrigin, advice)}; or ${refusalAdvice(role, ConnectErrorCode.ShuttingDown, advice)}. ${retrying(delayMs)}`
    );
  }
  const origin = foreignPageOrigin(url);
  const originHint = origin ? ` If it is, it may not allow pages from ${origin}: add that origin to RIGCAST_ALLOWED_ORIGINS on the hub.` : '';
  return `Cannot reach the hub at ${url} (${failure.message}). Is it running?${originHint} ${retrying(delayMs)}`;
}

/** Why a working link went away, for the user. */
export function lostDetail(context: DetailContext, reason: string, delayMs: number): string {
  return `Lost the hub at ${context.url} (${reason}). ${retrying(delayMs)}`;
}
