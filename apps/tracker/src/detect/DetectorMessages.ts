import type { DelegatePreference } from '../settings/TrackerSettings';
import type { DelegateName } from './DelegateName';
import type { FaceConnections } from './faceConnections';
import type { PackedFaceArrays, PackedFaceInfo } from './packFaceResult';

/** Page → worker: load the wasm and the model. */
export interface InitRequest {
  type: 'init';
  wasmBaseUrl: string;
  model: ArrayBuffer;
  delegate: DelegatePreference;
}

/** Page → worker: detect one frame. The bitmap and the arrays are transferred and come back filled. */
export interface DetectRequest {
  type: 'detect';
  bitmap: ImageBitmap;
  timestampMs: number;
  arrays: PackedFaceArrays;
}

export type WorkerRequest = InitRequest | DetectRequest;

/** Worker → page: the landmarker is ready. */
export interface ReadyReply {
  type: 'ready';
  delegate: DelegateName;
  gpuError?: string;
  connections: FaceConnections;
}

/** Worker → page: one frame's result, in the arrays the request brought. */
export interface ResultReply {
  type: 'result';
  arrays: PackedFaceArrays;
  info: PackedFaceInfo;
}

/** Worker → page: init or detection failed. */
export interface ErrorReply {
  type: 'error';
  message: string;
  /** The arrays of the failed request, handed back so that the page keeps them. */
  arrays?: PackedFaceArrays;
}

export type WorkerReply = ReadyReply | ResultReply | ErrorReply;

/** The buffers a `detect` request or `result` reply transfers. */
export function packedTransferList(arrays: PackedFaceArrays): ArrayBuffer[] {
  return [arrays.landmarks.buffer as ArrayBuffer, arrays.blendshapes.buffer as ArrayBuffer, arrays.matrix.buffer as ArrayBuffer];
}
