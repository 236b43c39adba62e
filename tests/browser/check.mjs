// check.mjs PAGE.html... — each HTML report as a reader's browser shows it,
// in headless Chromium (Debian package chromium) driven by puppeteer-core.
// Six checks a page (seven counts), each counted:
//   parse    the HTML parses without one error, by the HTML standard's own
//            parser (parse5, which reports every parse error the standard
//            names, e.g. "invalid-first-character-of-tag-name" for a bare
//            "<5" or "p < 0.0001")
//   axe      axe-core finds no violation of WCAG 2.1 A or AA (tags wcag2a,
//            wcag2aa, wcag21a, wcag21aa) at 1280 px
//   figures  every numeric cell's figure and interval stay on one line, at
//            1280 px and at 320 px (counted once for each width)
//   reflow   at a 320 px viewport the page does not scroll sideways
//            (WCAG 1.4.10): the document is no wider than the viewport
//   charts   every chart (an <svg> or <img> in a <figure>) is drawn: its
//            screenshot is not blank (over 0.5 % of its pixels differ from
//            its most common colour)
//   print    printed on A4: no navigation, no block taller than a page kept
//            whole (which would leave a page blank), figures kept whole, the
//            summary on page 1
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

		// A figure with its interval ("4.0% (2.9–5.4)") on one line in every numeric cell and at 320 px too.
		for (const width of [1280, 320]) {
			await page.setViewport({ width, height: 900 });
			const wrapped = await page.evaluate(() => {
				const out = [];
				for (const td of document.querySelectorAll('td.n')) {
					const range = document.createRange();
					range.selectNodeContents(td);
					const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
					if (tops.size > 1)
						out.push(`"${td.textContent}" wraps over ${tops.size} lines`);
				}
				return out;
			});
			result(name, `figures on one line at ${width} px`, wrapped);
		}
		await page.setViewport({ width: 1280, height: 900 });

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

		// Printed on A4 (180 mm of text across, 267 mm down, at 96 px an inch): the navigation
		// left out, no block taller than a page kept whole (it would be pushed to the next
		// page, leaving this one blank), every figure kept whole, the summary on page 1.
		await page.emulateMediaType('print');
		await page.setViewport({ width: 680, height: 1009 });
		const print = await page.evaluate(() => {
			const pageHeight = 1009, problems = [];
			const nav = document.querySelector('nav');
			if (nav && getComputedStyle(nav).display !== 'none')
				problems.push('the navigation is printed');
			for (const el of document.querySelectorAll('main > *, section')) {
				const avoid = /avoid/.test(getComputedStyle(el).breakInside);
				if (avoid && el.getBoundingClientRect().height > pageHeight)
					problems.push(`<${el.tagName.toLowerCase()}> ${Math.round(el.getBoundingClientRect().height)} px tall is kept whole: it would leave a page blank`);
			}
			for (const fig of document.querySelectorAll('figure'))
				if (!/avoid/.test(getComputedStyle(fig).breakInside))
					problems.push('a figure may break across pages');
			const summary = document.querySelector('.summary');
			if (summary && summary.getBoundingClientRect().top + window.scrollY > pageHeight)
				problems.push('the summary does not start on page 1');
			return problems;
		});
		result(name, 'print on A4', print);
		await page.emulateMediaType(null);
		await page.close();
	}
} finally {
	await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
