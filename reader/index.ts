export {createReaderHandler, PAGE_SIZE, type ReaderHandler} from './handler.ts'
export {startReader, type RunningReader} from './server.ts'
