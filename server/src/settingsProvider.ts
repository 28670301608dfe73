/*
 * Settings for a document: asked of the client through workspace/configuration when it can answer,
 * else taken from initializationOptions, else the defaults. Answers are cached until settings change.
 */
import { Connection } from 'vscode-languageserver/node';
import { ErrorCodebookSettings, SETTINGS_SECTION, resolveSettings } from './common/settings';
import { encodingLabel } from './common/encodings';

export class SettingsProvider {
  private readonly cache = new Map<string, Promise<ErrorCodebookSettings>>();
  private fallback: ErrorCodebookSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canAskClient: boolean,
    initialSettings: unknown,
  ) {
    this.fallback = resolveSettings(initialSettings);
  }

  /** Settings that apply to a document (or the workspace, without a URI). */
  forResource(uri?: string): Promise<ErrorCodebookSettings> {
    if (!this.canAskClient) {
      return Promise.resolve(this.fallback);
    }
    const key = uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration(uri ? { scopeUri: uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION })
        .then((raw) => resolveSettings(raw ?? this.fallback), () => this.fallback);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /**
   * The encoding the editor reads a file in, as a WHATWG label, when it says (VS Code's
   * `files.encoding`); undefined otherwise.
   */
  async fileEncoding(uri: string): Promise<string | undefined> {
    if (!this.canAskClient) {
      return undefined;
    }
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.encoding' });
      return typeof value === 'string' && value !== '' ? encodingLabel(value) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets cached answers; `pushed` is what a client sent with didChangeConfiguration, if anything. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (pushed !== null && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      this.fallback = resolveSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }
}
