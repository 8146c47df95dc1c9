// A test hook, never loaded in production: a fault test starts a portal with
// `--import ./lib/testing/skewed-clock.mjs` and PORTCULLIS_TEST_CLOCK_SKEW_MS, so that instance's
// clock runs ahead (or behind) as on a host whose clock drifted.
const skew = Number(process.env.PORTCULLIS_TEST_CLOCK_SKEW_MS ?? 0);
const realNow = Date.now;
Date.now = () => realNow() + skew;
