import type { EnvSpec } from '../core/env/types';
import { defaultVariant, isDescriptionVariant, isProtocolId, type DescriptionVariant, type ProtocolId } from '../core/protocol';
import { stringFlag, UsageError, type ParsedArgs } from './args';

/**
 * `--protocol paper|playground` (default paper, or the saved run's when one is continued or
 * replayed; a different one is refused, since a replay must ask the same questions).
 */
export function protocolFromArgs(args: ParsedArgs, saved?: ProtocolId): ProtocolId {
  const value = stringFlag(args, 'protocol');
  if (value === undefined) return saved ?? 'paper';
  if (!isProtocolId(value)) throw new UsageError(`--protocol must be paper (the paper's benchmark protocol) or playground (this playground's defaults), got "${value}"`);
  if (saved && value !== saved) throw new UsageError(`the run was made with --protocol ${saved}; pass that protocol (or leave it out) to continue or replay it`);
  return value;
}

/**
 * `--description paper|hinted` for the given environments: the protocol's variant by default
 * (hinted where the paper had no text for an environment); asking for the paper text of such an
 * environment is refused with what to do instead.
 */
export function descriptionFromArgs(args: ParsedArgs, specs: readonly EnvSpec[], protocol: ProtocolId): (envId: string) => DescriptionVariant {
  const value = stringFlag(args, 'description');
  if (value !== undefined && !isDescriptionVariant(value)) {
    throw new UsageError(`--description must be paper (the Gymnasium documentation text the paper used) or hinted (this project's text with exact constants), got "${value}"`);
  }
  if (value === 'paper') {
    const missing = specs.filter((s) => s.paperDescription === undefined).map((s) => s.id);
    if (missing.length)
      throw new UsageError(
        `${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no paper description (the paper did not use ${missing.length > 1 ? 'them' : 'it'}); pass --description hinted or leave ${missing.length > 1 ? 'them' : 'it'} out of the run`,
      );
  }
  const byId = new Map(specs.map((s) => [s.id, s]));
  return (envId) => (value as DescriptionVariant | undefined) ?? defaultVariant(byId.get(envId)!, protocol);
}
