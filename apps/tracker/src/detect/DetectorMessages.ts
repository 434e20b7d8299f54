import type { DelegatePreference } from '../settings/TrackerSettings';
import type { DelegateName } from './DelegateName';
import type { Detector } from './Detector';

/** Page → worker: load the wasm and the model. */
export interface InitRequest {
  type: 'init';
  wasmBaseUrl: string;
  model: ArrayBuffer;
  delegate: DelegatePreference;
}

/** Page → worker: detect one frame. The bitmap and the arrays are transferred and come back filled. */
export interface DetectRequest<Arrays> {
  type: 'detect';
  bitmap: ImageBitmap;
  timestampMs: number;
  arrays: Arrays;
  /** See {@link Detector.detect}. */
  maxResults?: number;
}

export type WorkerRequest<Arrays> = InitRequest | DetectRequest<Arrays>;

/** Worker → page: the task is ready. */
export interface ReadyReply<Extra> {
  type: 'ready';
  delegate: DelegateName;
  gpuError?: string;
  extra: Extra;
}

/** Worker → page: one frame's result, in the arrays the request brought. */
export interface ResultReply<Arrays, Info> {
  type: 'result';
  arrays: Arrays;
  info: Info;
}

/** Worker → page: init or detection failed. */
export interface ErrorReply<Arrays> {
  type: 'error';
  message: string;
  /** The arrays of the failed request, handed back so that the page keeps them. */
  arrays?: Arrays;
}

export type WorkerReply<Arrays, Info, Extra> = ReadyReply<Extra> | ResultReply<Arrays, Info> | ErrorReply<Arrays>;
