// Loads the Hexo site in the directory given as argument as `hexo generate` does, with
// hexo-renderer-marked's defaults, and prints its posts as JSON: source, title, date (ISO 8601 in
// UTC) and content (the HTML Markdown made of the post). feeds/hexo's TestHexoSite runs it.
'use strict';
const Hexo = require('hexo');

(async () => {
  const hexo = new Hexo(process.argv[2], { silent: true });
  hexo.env.init = true; // read the site's _config.yml, as hexo-cli does inside a site
  await hexo.init();
  await hexo.loadPlugin(require.resolve('hexo-renderer-marked'));
  await hexo.load();
  const posts = hexo.locals.get('posts').toArray().map(p => ({
    source: p.source, title: p.title, date: p.date.toISOString(), content: p.content
  }));
  process.stdout.write(JSON.stringify(posts));
  await hexo.exit();
})().catch(err => {
  console.error(err);
  process.exit(1);
});
