// Entry point of a query worker thread: workers start without the parent's loaders, so register
// tsx's here before loading the TypeScript worker.
import {register} from 'tsx/esm/api'

register()
await import('./query-worker.ts')
