/**
 * CSV import as a connector: it has no platform to talk to, so the connector itself only reports
 * health; the work is done by `importCsv` and `preview`, which the server calls on an upload.
 */
import type { Connector, ConnectorDeps, ConnectorFactory } from '../contract.js';
import { manifest } from './manifest.js';

export { importCsv, preview, stableImportId } from './import.js';
export type {
  ImportedItem,
  ImportError,
  ImportResult,
  PreviewResult,
  PreviewRow,
} from './import.js';
export { IMPORT_SOURCES, SOURCE_MAPPINGS, type ImportSource } from './sources.js';

const factory: ConnectorFactory = {
  manifest,
  create(deps: ConnectorDeps): Connector {
    return {
      manifest,
      async health() {
        return { state: 'ok', checkedAt: deps.now().toISOString() };
      },
    };
  },
};

export default factory;
