import { installSourceMappedStacks } from './source-mapped-stacks';

// Imported first by every function entry (functions/*/index.ts), so that stacks formatted while
// the other modules load are mapped too. Costs nothing at import: no map is read until a stack is.
installSourceMappedStacks();
