// Shorthands for writing profile windows as data: D('7d') is "Disclosure + 7 days",
// RD('-24h') "24 hours before the Release Date". They build plain objects the profile
// schema validates; no logic lives here.
import type { AnchorOffset } from '../../../shared/contract/process.ts';

export const D = (offset: string): AnchorOffset => ({ anchor: 'disclosure', offset });
export const RD = (offset: string): AnchorOffset => ({ anchor: 'releaseDate', offset });
export const FIX = (offset: string): AnchorOffset => ({ anchor: 'fixReady', offset });
export const NOTICE = (offset: string): AnchorOffset => ({ anchor: 'firstNotice', offset });
