/*
 * The catalogs the server runs with: the built-in ones and those of `errorCodebook.catalogPaths`
 * (relative paths are taken from the first workspace folder). When the client can watch files, the
 * user's catalogs are watched, so editing one reloads them; every load is logged and announced to
 * the client (errorCodebook/catalogsChanged).
 */
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { Connection, DidChangeWatchedFilesNotification, Disposable, FileSystemWatcher, InitializeParams } from 'vscode-languageserver/node';
import { CatalogsChangedNotification } from './common/protocol';
import { LanguageService } from './core/index';
import { builtInCatalogFolder, loadServiceFrom } from './catalogFiles';

/** How long to wait after a catalog file changes, so a burst of saves reloads once. */
const RELOAD_DELAY_MS = 200;

export class ServerCatalogs {
  private paths: string[] = [];
  /** Ids of the catalogs turned off (errorCodebook.catalogs.disabled). */
  private disabled: string[] = [];
  private readonly root: string | undefined;
  private readonly canWatch: boolean;
  private readonly relativePatterns: boolean;
  private watching: Promise<Disposable | undefined> | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: Connection,
    params: InitializeParams,
  ) {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    this.root = folder ? URI.parse(folder).fsPath : (params.rootPath ?? undefined);
    const watched = params.capabilities.workspace?.didChangeWatchedFiles;
    this.canWatch = watched?.dynamicRegistration === true;
    this.relativePatterns = watched?.relativePatternSupport === true;
  }

  /** Whether these settings name other catalog paths, or turn off other catalogs, than the ones loaded. */
  differ(paths: readonly string[], disabled: readonly string[]): boolean {
    return JSON.stringify(this.resolve(paths)) !== JSON.stringify(this.paths) || JSON.stringify([...disabled].sort()) !== JSON.stringify(this.disabled);
  }

  /** Loads the built-in catalogs and those at `paths`, but for the `disabled` ones, and watches the latter. */
  load(paths: readonly string[], disabled: readonly string[]): LanguageService {
    this.paths = this.resolve(paths);
    this.disabled = [...disabled].sort();
    return loadServiceFrom([builtInCatalogFolder(), ...this.paths], this.disabled);
  }

  /** Loads the same paths again (a catalog file changed). */
  reload(): LanguageService {
    return this.load(this.paths, this.disabled);
  }

  /** Writes what was loaded to the client's log and tells the client the catalogs changed. */
  announce(service: LanguageService, log: (message: string) => void): void {
    const { catalogs, problems, disabled } = service.loaded;
    for (const { catalog, file } of catalogs) {
      log(`Loaded catalog ${catalog.id} (${catalog.entries.length} entries) from ${file}`);
    }
    for (const { id, file } of disabled) {
      log(`Catalog ${id} (${file}) is turned off by errorCodebook.catalogs.disabled.`);
    }
    const known = new Set([...catalogs.map(({ catalog }) => catalog.id), ...disabled.map(({ id }) => id)]);
    for (const id of this.disabled.filter((item) => !known.has(item))) {
      this.connection.console.warn(`errorCodebook.catalogs.disabled names "${id}", which is the id of no catalog; the ids are ${[...known].sort().join(', ')}.`);
    }
    for (const problem of problems) {
      this.connection.console.warn(`Catalog problem: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
    }
    void this.connection.sendNotification(CatalogsChangedNotification.type, { catalogs: catalogs.length, problems: problems.length });
  }

  /** Asks the client to watch the user's catalogs (again, as the paths may have changed). */
  watch(): void {
    if (!this.canWatch) {
      return;
    }
    const previous = this.watching;
    this.watching = (async () => {
      (await previous)?.dispose();
      if (this.paths.length === 0) {
        return undefined;
      }
      const watchers = this.paths.map((location) => this.watcherFor(location));
      return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    })();
  }

  /** Calls `reload` once after a burst of changes to watched catalog files. */
  onChange(reload: () => void): void {
    this.connection.onDidChangeWatchedFiles(() => {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(reload, RELOAD_DELAY_MS);
    });
  }

  private watcherFor(location: string): FileSystemWatcher {
    // A folder's catalogs are its *.json files; a file is watched as itself.
    const isFile = location.toLowerCase().endsWith('.json');
    const base = isFile ? path.dirname(location) : location;
    const pattern = isFile ? path.basename(location) : '*.json';
    return this.relativePatterns
      ? { globPattern: { baseUri: URI.file(base).toString(), pattern } }
      : { globPattern: path.join(base, pattern).split(path.sep).join('/') };
  }

  private resolve(paths: readonly string[]): string[] {
    return paths.map((location) => {
      if (location === '~' || location.startsWith('~/') || location.startsWith('~\\')) {
        return path.join(os.homedir(), location.slice(1));
      }
      return path.isAbsolute(location) ? location : path.resolve(this.root ?? process.cwd(), location);
    });
  }
}
