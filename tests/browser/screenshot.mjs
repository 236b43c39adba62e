// screenshot.mjs PAGE.html OUT.png [WIDTH [SELECTOR]] — a picture of PAGE
// in headless Chromium, as a reader at WIDTH px (default 800) sees it: the
// element SELECTOR (default: the page's header and summary), or the whole
// page with SELECTOR "page". The README's picture of the report's summary
// is made with it (docs/summary.png).
import puppeteer from 'puppeteer-core';

const [file, out, width = '800', selector = 'header, .summary'] = process.argv.slice(2);
if (!file || !out) {
	console.error('usage: node screenshot.mjs PAGE.html OUT.png [WIDTH [SELECTOR]]');
	process.exit(2);
}
const browser = await puppeteer.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
try {
	const page = await browser.newPage();
	await page.setViewport({ width: Number(width), height: 600 });
	await page.goto(`file://${file}`, { waitUntil: 'load' });
	if (selector === 'page') {
		await page.screenshot({ path: out, fullPage: true });
	} else {
		// The box around every element SELECTOR names, from the first one's top to the last one's bottom.
		const clip = await page.evaluate((sel) => {
			const boxes = [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
			if (!boxes.length)
				return null;
			const top = Math.min(...boxes.map((b) => b.top)), bottom = Math.max(...boxes.map((b) => b.bottom));
			return { x: 0, y: top + window.scrollY, width: document.documentElement.clientWidth, height: bottom - top };
		}, selector);
		if (!clip)
			throw new Error(`nothing on the page matches ${selector}`);
		await page.screenshot({ path: out, clip });
	}
} finally {
	await browser.close();
}
