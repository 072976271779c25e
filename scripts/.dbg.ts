const PRODUCT_NAME = String.raw`(?<![\p{L}\p{N}#@'’])(\p{Lu}[\p{L}\p{N}'’&-]{0,30}(?:\s+\p{Lu}[\p{L}\p{N}'’&-]{0,30}){0,2})\s+`;
const re = new RegExp(PRODUCT_NAME + '(?:[aA]pp)(?![\\p{L}\\p{N}])', 'gu');
console.log([...'We really like the CalmMind app. Try it'.matchAll(re)].map(m=>m[1]));
