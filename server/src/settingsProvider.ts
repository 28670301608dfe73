/*
 * Settings for a document: asked of the client through workspace/configuration when it can answer,
 * else taken from initializationOptions, else the defaults. Answers are cached until settings change.
 */
import { Connection } from 'vscode-languageserver/node';
import { ErrorCodebookSettings, SETTINGS_SECTION, resolveSettings } from './common/settings';

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

  /** Forgets cached answers; `pushed` is what a client sent with didChangeConfiguration, if anything. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (pushed !== null && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      this.fallback = resolveSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }
}
