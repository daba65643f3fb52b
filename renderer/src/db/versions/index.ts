/**
 * Every schema version of an investigation's database, oldest first: the database declares them
 * all (schema.ts), and the upgrade tests open a database at any earlier one from this same list.
 */
import type { SchemaVersion } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';
import { v8 } from './v8';
import { v9 } from './v9';
import { v10 } from './v10';
import { v11 } from './v11';
import { v12 } from './v12';
import { v13 } from './v13';
import { v14 } from './v14';
import { v15 } from './v15';
import { v16 } from './v16';
import { v17 } from './v17';
import { v18 } from './v18';
import { v19 } from './v19';
import { v20 } from './v20';
import { v21 } from './v21';
import { v22 } from './v22';
import { v23 } from './v23';
import { v24 } from './v24';

export type { SchemaVersion } from './types';

export const investigationSchemaVersions: readonly SchemaVersion[] = [
  v1,
  v2,
  v3,
  v4,
  v5,
  v6,
  v7,
  v8,
  v9,
  v10,
  v11,
  v12,
  v13,
  v14,
  v15,
  v16,
  v17,
  v18,
  v19,
  v20,
  v21,
  v22,
  v23,
  v24,
];

export const CURRENT_SCHEMA_VERSION = investigationSchemaVersions.at(-1)!.version;
