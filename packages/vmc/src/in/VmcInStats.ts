import { OscDropReason } from '../osc';
import { VMC_IGNORE_REASONS, type VmcIgnoreReason } from './VmcIgnoreReason';

/** What `in` has received and assembled, for the status line and tests. */
export interface VmcInStats {
  /** Datagrams received, valid or not. */
  datagrams: number;
  /** Messages delivered from valid datagrams. */
  messages: number;
  /** Frames assembled. */
  frames: number;
  /** Whole datagrams dropped, by reason; nothing in them took effect. */
  dropped: Record<OscDropReason, number>;
  /** Messages ignored in otherwise valid datagrams, by reason. */
  ignored: Record<VmcIgnoreReason, number>;
}

/** Stats at zero. */
export function createVmcInStats(): VmcInStats {
  const dropped = {} as Record<OscDropReason, number>;
  for (const reason of Object.values(OscDropReason)) dropped[reason] = 0;
  const ignored = {} as Record<VmcIgnoreReason, number>;
  for (const reason of VMC_IGNORE_REASONS) ignored[reason] = 0;
  return { datagrams: 0, messages: 0, frames: 0, dropped, ignored };
}
