/**
 * Feed addresses come from the people who connect an account, so fetching one is a server-side
 * request to wherever they point (SSRF). The desk fetches feeds only over http(s), and only from
 * public addresses: loopback, private, link-local, carrier-grade NAT, multicast and the cloud
 * metadata address are refused unless COMMSDESK_ALLOW_PRIVATE_FEEDS=1 (tests, or an intranet feed
 * the administrator chose to allow).
 *
 * The check runs twice: when the account is connected (a clear 400 naming the address), and on
 * every request of every poll inside the socket's DNS lookup, so the address checked is the
 * address connected to — a DNS answer that changes between the two (rebinding) cannot slip a
 * private address through. Redirects are followed by the RSS client hop by hop through this same
 * fetch, so each hop is checked too.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** Whether the deployment allows feeds on private addresses. */
export function privateFeedsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.COMMSDESK_ALLOW_PRIVATE_FEEDS === '1';
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** True for an address a feed may not live on (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

export class FeedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedAddressError';
  }
}

/**
 * Check a feed address before it is stored: http(s) only, no user name or password in the
 * address, and (unless allowed) a host that resolves only to public addresses.
 */
export async function vetFeedUrl(raw: string, allowPrivate = privateFeedsAllowed()): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedAddressError(`Unexpected feed address "${raw}", expected an http(s) URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedAddressError(
      `Unexpected scheme "${url.protocol}" in the feed address, expected http: or https:.`,
    );
  }
  if (url.username || url.password) {
    throw new FeedAddressError(
      'The feed address carries a user name or password; give them as credentials.username and credentials.password instead.',
    );
  }
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dnsLookupAsync(host, { all: true })).map((a) => a.address);
    } catch {
      throw new FeedAddressError(`The feed's host "${host}" could not be found (DNS).`);
    }
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad !== undefined) {
    throw new FeedAddressError(
      `The feed's host "${host}" is on a private or local network (${bad}); the desk fetches feeds only from public addresses.`,
    );
  }
  return url;
}

/** A DNS lookup that refuses private answers, used by the socket itself (no rebinding gap). */
const publicOnlyLookup =
  (refused: (address: string) => boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, result) => {
      if (error) return callback(error, '', 4);
      const list = result as unknown as LookupAddress[];
      const bad = list.find((a) => refused(a.address));
      if (bad || list.length === 0) {
        const refused = Object.assign(
          new Error(`Refused to connect to ${hostname}: a private or local address.`),
          { code: 'EFEEDPRIVATE' },
        );
        return callback(refused, '', 4);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };

/**
 * A `fetch` for feed polling: plain global fetch when private feeds are allowed; otherwise a
 * small fetch over node:http(s) whose sockets resolve through `publicOnlyLookup`. Supports what
 * the RSS client uses — GET, headers, `redirect: 'manual'` (never follows), an abort signal.
 * `refused` decides which addresses are refused (tests narrow it to reach a local fake).
 */
export function feedFetch(
  allowPrivate = privateFeedsAllowed(),
  refused: (address: string) => boolean = isPrivateAddress,
): typeof fetch {
  if (allowPrivate) return fetch;
  const lookup = publicOnlyLookup(refused);
  const guarded = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        reject(new TypeError(`Unexpected scheme ${url.protocol}`));
        return;
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && refused(host)) {
        reject(new TypeError(`Refused to connect to ${host}: a private or local address.`));
        return;
      }
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        { method: init.method ?? 'GET', headers, lookup },
        (res: IncomingMessage) => {
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined) continue;
            for (const one of Array.isArray(v) ? v : [v]) responseHeaders.append(k, one);
          }
          const status = res.statusCode ?? 502;
          const nullBody = status === 204 || status === 304 || (status >= 100 && status < 200);
          if (nullBody) res.resume();
          resolve(
            new Response(
              nullBody ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>),
              { status, statusText: res.statusMessage ?? '', headers: responseHeaders },
            ),
          );
        },
      );
      const signal = init.signal;
      if (signal) {
        if (signal.aborted) req.destroy(signal.reason as Error);
        signal.addEventListener('abort', () => req.destroy(signal.reason as Error), {
          once: true,
        });
      }
      req.on('error', reject);
      req.end();
    });
  return guarded as typeof fetch;
}
