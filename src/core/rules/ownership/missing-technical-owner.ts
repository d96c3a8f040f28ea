import { missingFieldRule } from './missing-field';

export const missingTechnicalOwner = missingFieldRule({
  id: 'ownership/missing-technical-owner',
  field: 'technicalOwner',
  description: 'A production agent manifest names no reachable engineer (metadata.technicalOwner).',
  defaultSeverity: 'warning',
  productionOnly: true,
  message: (name, placeholder) => `Production agent "${name}" has no technical owner${placeholder}. Add metadata.technicalOwner (user:<email>) so an engineer can be reached when it misbehaves.`,
});
