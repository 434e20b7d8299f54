export { MAX_BUNDLE_BYTES, OscBundleWriter } from './OscBundleWriter';
export { MAX_DATAGRAM_BYTES, OscDropReason } from './OscDropReason';
export { OscMessage, oscTypeTags, type OscTypeTags } from './OscMessage';
export { OscNameTable, decodeOscText } from './OscNameTable';
export { OscPacketReader, type OscMessageHandler } from './OscPacketReader';
export { oscString, oscStringSize } from './oscString';
