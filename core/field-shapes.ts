import { AKS_FIELD_SHAPES } from './field-shapes-aks';
import { EKS_FIELD_SHAPES } from './field-shapes-eks';
import { GKE_FIELD_SHAPES } from './field-shapes-gke';
import type { FieldShapes } from './guarded-view';
import type { Provider } from './provider';

/** The kinds of the fields the checks of each provider read (guarded-view.ts). */
export const FIELD_SHAPES: Readonly<Record<Provider, FieldShapes>> = {
  eks: EKS_FIELD_SHAPES,
  gke: GKE_FIELD_SHAPES,
  aks: AKS_FIELD_SHAPES,
};
