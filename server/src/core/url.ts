/*
 * The little URL handling the core needs, without relying on a host's URL class.
 */

const HTTPS_URL = /^https:\/\/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?(?:[/?#][^\s<>"`\\{}|^]*)?$/;

/** The host of a well-formed https URL, or undefined for anything else (http, javascript:, command:, …). */
export function httpsHost(value: string): string | undefined {
  const match = HTTPS_URL.exec(value);
  return match ? match[1].toLowerCase() : undefined;
}

/** Whether a URL is a well-formed https URL; only these are ever made clickable. */
export function isHttpsUrl(value: string): boolean {
  return httpsHost(value) !== undefined;
}

/** A URL in a form that cannot end a Markdown link early. */
export function markdownSafeHref(url: string): string {
  return url.replace(/[()\[\] ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
