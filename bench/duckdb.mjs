// duckdb.mjs MODULES CSV COLUMNS — DuckDB beside reach in make bench.
//
// Loads the export CSV into an in-memory DuckDB database (two threads, as
// reach has the machine's two cores) with read_csv's own detection of the
// dialect and the column types, then counts the answers of each equality
// column: one GROUP BY a column, for each of COLUMNS (the 1-based column
// numbers, comma-separated, of the same columns reach tags). Times the load
// and the counting separately and prints, for run.sh to read:
//   rows N
//   load_s SECONDS
//   count_s SECONDS
//   column N "HEADER": G groups, K answers
// MODULES is the folder whose node_modules holds @duckdb/node-api
// (bench/out/duckdb, installed by run.sh from bench/package-lock.json).
// Peak memory is measured outside, by GNU time around node.
// Exit status 0, or 1 with a message on standard error.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

function fail(message) {
	process.stderr.write(`duckdb.mjs: ${message}\n`);
	process.exit(1);
}

if (process.argv.length !== 5)
	fail('usage: node bench/duckdb.mjs MODULES CSV COLUMNS');
const [modules, csv, columnList] = process.argv.slice(2);
const columns = columnList.split(',').map(Number);
if (columns.some((c) => !Number.isInteger(c) || c < 1))
	fail(`COLUMNS must be 1-based column numbers separated by commas, not "${columnList}"`);

const require = createRequire(join(resolve(modules), 'package.json'));
let duckdb;
try {
	duckdb = require('@duckdb/node-api');
} catch (e) {
	fail(`@duckdb/node-api is not installed in ${modules}: ${e.message}`);
}

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const sqlName = (s) => `"${s.replaceAll('"', '""')}"`;
const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;

try {
	const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '2' });
	const db = await instance.connect();

	let start = process.hrtime.bigint();
	await db.run(`CREATE TABLE responses AS SELECT * FROM read_csv(${sqlString(csv)}, header = true)`);
	const load = seconds(start);

	const names = (await db.runAndReadAll('SELECT column_name FROM (DESCRIBE responses)'))
		.getRows().map((r) => String(r[0]));
	for (const c of columns)
		if (c > names.length)
			fail(`${csv} has ${names.length} columns, not ${c}`);

	const groups = [];
	start = process.hrtime.bigint();
	for (const c of columns) {
		const name = sqlName(names[c - 1]);
		const reader = await db.runAndReadAll(
			`SELECT ${name}, count(*) FROM responses GROUP BY ${name}`);
		groups.push(reader.getRows());
	}
	const count = seconds(start);

	const rows = (await db.runAndReadAll('SELECT count(*) FROM responses')).getRows()[0][0];
	console.log(`rows ${rows}`);
	console.log(`load_s ${load.toFixed(3)}`);
	console.log(`count_s ${count.toFixed(3)}`);
	columns.forEach((c, i) => {
		const answered = groups[i].reduce((n, r) => n + (r[0] === null ? 0 : Number(r[1])), 0);
		console.log(`column ${c} ${JSON.stringify(names[c - 1])}: ${groups[i].length} groups, ${answered} answers`);
	});
	db.closeSync();
} catch (e) {
	fail(e.message);
}
