#!/usr/bin/env node
// Third-party client compatibility check: the unmodified jsforce library (the most widely
// used JavaScript Salesforce client) runs paged queries, an sObject collection update and a
// limits read against the demo org, through its public API only.
//
// Usage: node check.mjs [INSTANCE_URL] [ACCESS_TOKEN]
//   The arguments default to $LR_INSTANCE_URL and $LR_ACCESS_TOKEN. $LR_API_VERSION (e.g.
//   66.0) skips version discovery. Exits 0 when every check passed, 1 with the reason
//   otherwise.

import jsforce from 'jsforce';

const USAGE = `usage: node check.mjs [INSTANCE_URL] [ACCESS_TOKEN]
  INSTANCE_URL  e.g. http://127.0.0.1:8443 (default: $LR_INSTANCE_URL)
  ACCESS_TOKEN  a bearer token of the org (default: $LR_ACCESS_TOKEN)
  $LR_API_VERSION  REST API version to use instead of the newest the org lists`;

const PAGE_SIZE = 200;         // Sforce-Query-Options batchSize: the smallest Salesforce allows
const TIMEOUT_MS = 120_000;    // the whole check; a hung server must fail, not stall CI
const UPDATED_USERS = 3;

class CheckFailure extends Error {}

function check(condition, message) {
    if (!condition) {
        throw new CheckFailure(message);
    }
}

// Returns {instanceUrl, accessToken, apiVersion} or throws CheckFailure with the reason.
function parseArguments(argv, env) {
    if (argv.includes('-h') || argv.includes('--help')) {
        return { help: true };
    }
    const unknown = argv.filter((a) => a.startsWith('-'));
    check(unknown.length === 0, `unknown option ${unknown[0]}\n${USAGE}`);
    check(argv.length <= 2, `too many arguments (${argv.length})\n${USAGE}`);

    const instanceUrl = (argv[0] ?? env.LR_INSTANCE_URL ?? '').replace(/\/+$/, '');
    const accessToken = argv[1] ?? env.LR_ACCESS_TOKEN ?? '';
    check(instanceUrl !== '', `no instance URL (argument 1 or $LR_INSTANCE_URL)\n${USAGE}`);
    check(accessToken !== '', `no access token (argument 2 or $LR_ACCESS_TOKEN)\n${USAGE}`);

    let url;
    try {
        url = new URL(instanceUrl);
    } catch {
        throw new CheckFailure(`instance URL is not a URL: ${instanceUrl}`);
    }
    check(url.protocol === 'http:' || url.protocol === 'https:',
          `instance URL must be http(s): ${instanceUrl}`);
    check(url.pathname === '/' && url.search === '' && url.hash === '',
          `instance URL must have no path: ${instanceUrl}`);

    const apiVersion = env.LR_API_VERSION ?? '';
    check(apiVersion === '' || /^\d+\.\d$/.test(apiVersion),
          `LR_API_VERSION must look like 66.0, not ${apiVersion}`);
    return { help: false, instanceUrl, accessToken, apiVersion };
}

// The newest version the org lists at /services/data/ (Salesforce's own discovery call).
async function newestApiVersion(conn) {
    const versions = await conn.request('/services/data/');
    check(Array.isArray(versions) && versions.length > 0,
          'GET /services/data/ did not return a list of versions');
    const numbers = versions.map((v) => String(v.version)).filter((v) => /^\d+\.\d$/.test(v));
    check(numbers.length > 0, 'GET /services/data/ listed no version like 66.0');
    numbers.sort((a, b) => Number(a) - Number(b));
    return numbers[numbers.length - 1];
}

// (a) A paged query with autoFetch: every page is fetched through nextRecordsUrl.
async function checkPagedQuery(conn) {
    const soql = 'SELECT Id, Username, Profile.UserLicense.Name FROM User';
    const query = conn.query(soql, {
        autoFetch: true,
        maxFetch: 1_000_000,
        headers: { 'Sforce-Query-Options': `batchSize=${PAGE_SIZE}` },
    });
    let pages = 0;
    query.on('fetch', () => {
        pages += 1;
    });
    const result = await query;

    const records = result.records;
    check(Number.isInteger(result.totalSize) && result.totalSize > 0,
          `query returned totalSize ${result.totalSize}`);
    check(records.length === result.totalSize,
          `query fetched ${records.length} records but totalSize is ${result.totalSize}`);
    const ids = new Set(records.map((r) => r.Id));
    check(!ids.has(undefined) && !ids.has(null), 'a queried record has no Id');
    check(ids.size === records.length,
          `query returned ${records.length - ids.size} duplicate Ids over its pages`);
    check(pages > 1, `query fetched ${pages} page(s) for ${records.length} records; paging unused`);

    const licenses = new Set(records.map((r) => r.Profile?.UserLicense?.Name).filter(Boolean));
    check(licenses.size > 0, 'no record carries Profile.UserLicense.Name');
    return { records, pages, licenses };
}

// (b) Organization limits.
async function checkLimits(conn) {
    const limits = await conn.limits();
    const daily = limits?.DailyApiRequests;
    check(daily !== undefined, 'limits have no DailyApiRequests');
    check(typeof daily.Max === 'number' && typeof daily.Remaining === 'number',
          `DailyApiRequests is ${JSON.stringify(daily)}; Max and Remaining must be numbers`);
    check(daily.Remaining <= daily.Max,
          `DailyApiRequests.Remaining ${daily.Remaining} exceeds Max ${daily.Max}`);
    return daily;
}

function soqlQuote(value) {
    return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

// (c) An sObject collection update (jsforce sends arrays to PATCH /composite/sobjects),
// then the records are read back.
async function checkCollectionUpdate(conn, records) {
    check(records.length >= UPDATED_USERS,
          `need ${UPDATED_USERS} users, the org has ${records.length}`);
    const stamp = Date.now().toString(36);
    const updates = records.slice(0, UPDATED_USERS).map((r, i) => ({
        Id: r.Id,
        Title: `jsforce compat ${stamp} #${i + 1}`,
    }));

    const results = await conn.sobject('User').update(updates, { allOrNone: false });
    check(Array.isArray(results) && results.length === updates.length,
          `collection update returned ${JSON.stringify(results)}`);
    results.forEach((res, i) => {
        check(res.success === true,
              `update of ${updates[i].Id} failed: ${JSON.stringify(res.errors ?? res)}`);
        check(res.id === updates[i].Id,
              `update result ${i} is for ${res.id}, expected ${updates[i].Id}`);
    });

    const idList = updates.map((u) => soqlQuote(u.Id)).join(', ');
    const readBack = await conn.query(`SELECT Id, Title FROM User WHERE Id IN (${idList})`);
    const titles = new Map(readBack.records.map((r) => [r.Id, r.Title]));
    for (const u of updates) {
        check(titles.get(u.Id) === u.Title,
              `read back ${u.Id} with Title ${JSON.stringify(titles.get(u.Id))},`
                  + ` expected ${JSON.stringify(u.Title)}`);
    }
    return updates.length;
}

function describeError(error) {
    if (error instanceof CheckFailure) {
        return error.message;
    }
    // jsforce's HTTP errors carry Salesforce's errorCode next to the message.
    const code = error?.errorCode ?? error?.name ?? 'Error';
    return `${code}: ${error?.message ?? String(error)}`;
}

async function run(options) {
    const conn = new jsforce.Connection({
        instanceUrl: options.instanceUrl,
        accessToken: options.accessToken,
    });
    conn.version = options.apiVersion || (await newestApiVersion(conn));

    const query = await checkPagedQuery(conn);
    const daily = await checkLimits(conn);
    const updated = await checkCollectionUpdate(conn, query.records);

    console.log(`jsforce ${jsforce.VERSION} against ${options.instanceUrl} (API v${conn.version})`);
    console.log(`  query:   ${query.records.length} users, distinct Ids, ${query.pages} pages,`
                + ` ${query.licenses.size} license name(s)`);
    console.log(`  limits:  DailyApiRequests ${daily.Remaining}/${daily.Max} remaining`);
    console.log(`  update:  ${updated} users through /composite/sobjects, read back`);
    console.log('compat_jsforce: all checks passed');
}

async function main() {
    let options;
    try {
        options = parseArguments(process.argv.slice(2), process.env);
    } catch (error) {
        console.error(`check.mjs: ${describeError(error)}`);
        return 1;
    }
    if (options.help) {
        console.log(USAGE);
        return 0;
    }

    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CheckFailure(`timed out after ${TIMEOUT_MS / 1000} s`)),
                           TIMEOUT_MS);
    });
    try {
        await Promise.race([run(options), timeout]);
        return 0;
    } catch (error) {
        console.error(`check.mjs: FAILED: ${describeError(error)}`);
        return 1;
    } finally {
        clearTimeout(timer);
    }
}

process.exit(await main());
