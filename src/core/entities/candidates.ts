// The common shape every recogniser emits: a typed token span of one segment.
import type { EntityType } from '../types';
import type { GazEntry } from './gazetteer';

export interface Cand {
  seg: number;
  /** token span [a, b) */
  a: number;
  b: number;
  type: EntityType;
  /** higher wins on equal length */
  prio: number;
  gaz?: GazEntry;
  role?: string;
  value?: string;
  /** Candidates sharing a link key become one entity (acronym and long form, short name and full name). */
  link?: string;
  /** Extra aliases to report (`Framework Participation Agreement-FPA`). */
  aliases?: string[];
  /** Single given name after a title (`Mme Giang`), to be attached to a full name. */
  short?: boolean;
  /** A short name that is a person of its own when no full name ends in it (`le président indonésien Suharto`). */
  solo?: boolean;
  /** Name override (date names without the weekday). */
  name?: string;
  /** An event whose inner body is listed on its own (an act's issuer: `Conclusion 12 du Bureau politique`). */
  listsInner?: boolean;
  /** Set by overlap resolution: lies inside an ORG/EVENT span. */
  nested?: boolean;
}
