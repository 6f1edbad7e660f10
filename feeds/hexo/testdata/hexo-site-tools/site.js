// Loads a Hexo site as `hexo generate` does and prints its posts as JSON: source, date, content.
const Hexo = require('hexo');
(async () => {
  const hexo = new Hexo(process.argv[2], { silent: true });
  hexo.env.init = true; // a site: read its _config.yml (hexo-cli sets this for a directory with hexo in package.json)
  await hexo.init();
  await hexo.loadPlugin(require.resolve('hexo-renderer-marked'));
  await hexo.load();
  if (process.env.DBG) console.error("tz", hexo.config.timezone, hexo.config.title, hexo.base_dir);
  const posts = hexo.locals.get('posts').toArray().map(p => ({ source: p.source, title: p.title, date: p.date.toISOString(), content: p.content }));
  process.stdout.write(JSON.stringify(posts));
  await hexo.exit();
})().catch(e => { console.error(e); process.exit(1); });
