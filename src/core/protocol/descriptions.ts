import type { EnvSpec } from '../env/types';
import type { DescriptionVariant, ProtocolId } from './protocols';
import { PROTOCOLS } from './protocols';

/** The variants an environment offers: paper (where the paper had a text) and hinted. */
export function descriptionVariants(spec: Pick<EnvSpec, 'paperDescription'>): DescriptionVariant[] {
  return spec.paperDescription === undefined ? ['hinted'] : ['paper', 'hinted'];
}

/** The variant a new run of `protocol` starts with: the protocol's, unless the environment lacks it. */
export function defaultVariant(spec: Pick<EnvSpec, 'paperDescription'>, protocol: ProtocolId): DescriptionVariant {
  const wanted = PROTOCOLS[protocol].description;
  return wanted === 'paper' && spec.paperDescription === undefined ? 'hinted' : wanted;
}

/**
 * The text of one description variant. The paper variant is the paper's prompt text byte for
 * byte; an environment without one gets an error that says which variant to use instead.
 */
export function descriptionText(spec: Pick<EnvSpec, 'id' | 'description' | 'paperDescription'>, variant: DescriptionVariant): string {
  if (variant === 'hinted') return spec.description;
  if (spec.paperDescription === undefined) {
    throw new Error(`${spec.id} has no paper description (the paper did not use this environment); use the hinted description instead`);
  }
  return spec.paperDescription;
}
