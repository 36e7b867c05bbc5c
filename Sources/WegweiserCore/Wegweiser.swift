// Entry points of the core library.
import WegweiserSearch
