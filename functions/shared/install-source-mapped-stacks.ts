import { installSourceMappedStacks } from './source-mapped-stacks';

// Imported first by every function entry (functions/*/index.ts), so that it runs before the
// entry's own modules. It reads nothing: a map is read when a stack is formatted. A stack is
// mapped whenever it is formatted after this ran, wherever the error came from; but esbuild's code
// splitting may evaluate the chunks that an entry shares with its on-demand imports before the
// entry's body, so an error that fails the import of such a chunk is written unmapped.
installSourceMappedStacks();
