import 'fake-indexeddb/auto';
import 'opfs-mock';
