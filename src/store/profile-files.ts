/**
 * Reading policy profiles from the `profiles/` folder (or another folder an operator points at).
 * The pure resolver in core does the parsing and validation; this adapter only reads files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProfile, type ProfileReader, type ResolveResult } from '../core/profile/resolve.js';

/** The profiles that ship with Commsdesk. */
export const BUILT_IN_PROFILES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../profiles',
);

/** A reader over one or more folders; earlier folders win, so operators can shadow built-ins. */
export function folderReader(dirs: readonly string[] = [BUILT_IN_PROFILES_DIR]): ProfileReader {
  return (id) => {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
    for (const dir of dirs) {
      for (const ext of ['.yml', '.yaml']) {
        const file = join(dir, id + ext);
        if (existsSync(file)) {
          const shown = relative(process.cwd(), file) || file;
          return {
            id,
            file: shown.startsWith('..') ? file : shown,
            text: readFileSync(file, 'utf8'),
          };
        }
      }
    }
    return undefined;
  };
}

/** Load a profile by id, or by path to a YAML file (its folder is searched for presets too). */
export function loadProfile(idOrPath: string, extraDirs: readonly string[] = []): ResolveResult {
  if (/\.ya?ml$/.test(idOrPath)) {
    const file = resolve(idOrPath);
    const id = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    return resolveProfile(id, folderReader([dirname(file), ...extraDirs, BUILT_IN_PROFILES_DIR]));
  }
  return resolveProfile(idOrPath, folderReader([...extraDirs, BUILT_IN_PROFILES_DIR]));
}

/** Ids of every profile in a folder. */
export function listProfiles(dir: string = BUILT_IN_PROFILES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}
