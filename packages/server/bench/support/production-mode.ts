// Imported first by the benchmarks that run the app in process: graphql-js chooses its
// production code paths (plain `instanceof` checks) as it loads, as in a deployment, whose
// NODE_ENV is production (Dockerfile; bench/support/processes.ts for the spawned servers).
process.env.NODE_ENV ??= 'production';
