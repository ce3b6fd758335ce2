// Dev helper: prints the DDL TypeORM wants for the entities on an empty database of each dialect.
import 'reflect-metadata';
import { createDataSource } from '../src/db/data-source.js';

for (const url of [':memory:', 'mysql://root@127.0.0.1:3306/keyward_gen']) {
  const ds = createDataSource(url);
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  console.log(`=== ${url}`);
  console.log(JSON.stringify({ up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) }, null, 1));
  await ds.destroy();
}
