import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownTitle, renderMarkdown } from './markdown';

// the user guides (docs/guide, zh-CN first) are shown on the help page through this renderer.
describe('renderMarkdown', () => {
  it('X-6 renders headings, paragraphs, lists, bold, code and links', () => {
    const html = renderMarkdown(
      ['# 机关事务办', '', '每天先看 **待办**。', '第二行', '', '- 项目', '- 合同 `编号`', '', '1. 提交', '2. [审批](#/inbox)', '## 小节'].join('\n'),
    );
    expect(html).toBe(
      [
        '<h1>机关事务办</h1>',
        '<p>每天先看 <strong>待办</strong>。 第二行</p>',
        '<ul><li>项目</li><li>合同 <code>编号</code></li></ul>',
        '<ol><li>提交</li><li><a href="#/inbox">审批</a></li></ol>',
        '<h2>小节</h2>',
      ].join('\n'),
    );
  });

  it('X-6 escapes HTML in text, code, link labels and attributes', () => {
    const html = renderMarkdown('<script>alert("x")</script> & `<b>` [<i>a</i>](x"onmouseover="y) ![a"b](p.png)');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
    expect(html).toContain('href="x&quot;onmouseover=&quot;y"');
    expect(html).toContain('alt="a&quot;b"');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('X-6 refuses javascript: and data: addresses', () => {
    expect(renderMarkdown('[click](javascript:alert)')).toBe('<p>click</p>');
    expect(renderMarkdown('![x](data:text/html,hi)')).toBe('');
    expect(renderMarkdown('[site](https://example.org/a)')).toBe('<p><a href="https://example.org/a">site</a></p>');
  });

  it('X-6 resolves images and links through the options, an image alone being a figure', () => {
    const html = renderMarkdown('![待办](../img/office-inbox.png)\n\n见 [纪委](discipline.md)，![missing](../img/none.png)', {
      image: (src) => (src.endsWith('office-inbox.png') ? '/assets/office-inbox-1a2b.png' : undefined),
      link: (href) => (href.endsWith('.md') ? `#/help/${href.replace(/\.md$/, '')}` : href),
    });
    expect(html).toBe('<figure><img src="/assets/office-inbox-1a2b.png" alt="待办" loading="lazy"></figure>\n<p>见 <a href="#/help/discipline">纪委</a>，</p>');
  });

  it('X-6 nests an indented bullet in the item above, and a numbered list picked up again goes on counting', () => {
    expect(renderMarkdown('1. 立项\n2. 采购：\n   - 政府采购\n   - 自行采购\n     续写\n3. 合同')).toBe(
      '<ol><li>立项</li><li>采购：<ul><li>政府采购</li><li>自行采购 续写</li></ul></li><li>合同</li></ol>',
    );
    expect(renderMarkdown('1. 甲\n\n![图](a.png)\n\n2. 乙')).toBe(
      '<ol><li>甲</li></ol>\n<figure><img src="a.png" alt="图" loading="lazy"></figure>\n<ol start="2"><li>乙</li></ol>',
    );
  });

  it('X-6 joins an indented line to the list item above and reads the title', () => {
    expect(renderMarkdown('- 第一步\n  接着写\n- 第二步')).toBe('<ul><li>第一步 接着写</li><li>第二步</li></ul>');
    expect(markdownTitle('intro\n# **服务商**使用指南\n## x')).toBe('服务商使用指南');
  });
});
