// check.mjs PAGE.html... — each HTML report as a reader's browser shows it,
// in headless Chromium (Debian package chromium) driven by puppeteer-core.
// Four checks a page, each counted:
//   parse    the HTML parses without one error, by the HTML standard's own
//            parser (parse5, which reports every parse error the standard
//            names, e.g. "invalid-first-character-of-tag-name" for a bare
//            "<5" or "p < 0.0001")
//   axe      axe-core finds no violation of WCAG 2.1 A or AA (tags wcag2a,
//            wcag2aa, wcag21a, wcag21aa) at 1280 px
//   reflow   at a 320 px viewport the page does not scroll sideways
//            (WCAG 1.4.10): the document is no wider than the viewport
//   charts   every chart (an <svg> or <img> in a <figure>) is drawn: its
//            screenshot is not blank (over 0.5 % of its pixels differ from
//            its most common colour)
// and ends with "N passed, N failed", as tests/run.sh reads it.
// CHROMIUM names the browser (default /usr/bin/chromium).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'parse5';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const pages = process.argv.slice(2);
const root = process.env.PAGES_ROOT || '';   // left off the pages' names in messages
let passed = 0, failed = 0;

function result(page, check, problems) {
	if (problems.length === 0) {
		passed++;
		return;
	}
	failed++;
	console.log(`FAIL ${page}: ${check}:`);
	for (const p of problems.slice(0, 12))
		console.log(`  ${p}`);
	if (problems.length > 12)
		console.log(`  … and ${problems.length - 12} more`);
}

function parseErrors(html) {
	const errors = [];
	parse(html, { onParseError: (e) => errors.push(`line ${e.startLine}, column ${e.startCol}: ${e.code}`) });
	return errors;
}

// The share of pixels of a PNG (base64) unlike its most common colour, measured on a canvas of BLANK.
async function inkShare(blank, png) {
	return blank.evaluate(async (data) => {
		const img = new Image();
		img.src = `data:image/png;base64,${data}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.naturalWidth;
		canvas.height = img.naturalHeight;
		const ctx = canvas.getContext('2d');
		ctx.drawImage(img, 0, 0);
		const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
		const counts = new Map();
		for (let i = 0; i < px.length; i += 4) {
			const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
			counts.set(key, (counts.get(key) || 0) + 1);
		}
		const most = Math.max(...counts.values());
		const total = px.length / 4;
		return total ? (total - most) / total : 0;
	}, png);
}

const browser = await puppeteer.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
try {
	const blank = await browser.newPage();
	for (const file of pages) {
		const name = file.startsWith(root) ? file.slice(root.length) : file;
		result(name, 'parse', parseErrors(readFileSync(file, 'utf8')));

		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 900 });
		await page.goto(`file://${file}`, { waitUntil: 'load' });
		await page.addScriptTag({ content: axeSource });
		const axe = await page.evaluate(async () => {
			const r = await window.axe.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			});
			return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`);
		});
		result(name, 'axe WCAG 2.1 A/AA', axe);

		const charts = await page.$$('figure svg, figure img');
		const blankCharts = [];
		for (let i = 0; i < charts.length; i++) {
			const box = await charts[i].boundingBox();
			if (!box || box.width < 10 || box.height < 10) {
				blankCharts.push(`chart ${i + 1}: not laid out (${box ? `${box.width}x${box.height}` : 'no box'})`);
				continue;
			}
			const png = await charts[i].screenshot({ encoding: 'base64' });
			const ink = await inkShare(blank, png);
			if (ink < 0.005)
				blankCharts.push(`chart ${i + 1}: blank (${(100 * ink).toFixed(2)}% of pixels drawn)`);
		}
		result(name, `charts (${charts.length})`, blankCharts);

		await page.setViewport({ width: 320, height: 640 });
		const wide = await page.evaluate(() => {
			const doc = document.documentElement;
			const over = [];
			if (doc.scrollWidth > doc.clientWidth) {
				over.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px viewport`);
				for (const el of document.body.querySelectorAll('*')) {
					const r = el.getBoundingClientRect();
					if (r.right > doc.clientWidth + 1 && over.length < 6)
						over.push(`<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> reaches ${Math.round(r.right)} px`);
				}
			}
			return over;
		});
		result(name, 'reflow at 320 px', wide);
		await page.close();
	}
} finally {
	await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
