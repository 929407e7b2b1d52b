import { readFixtureJson } from '../testing/fixtures';
import { decodeEntities, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('turns a real Mastodon status into plain text, links in full', () => {
    const status = readFixtureJson<{ content: string }>('mastodon', 'docs_Status_example.json');
    expect(htmlToText(status.content)).toBe(
      '"I lost my inheritance with one wrong digit on my sort code"\n\n' +
        'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
    );
  });

  it('keeps line breaks and paragraphs, Mastodon and Hacker News style', () => {
    expect(htmlToText('<p>one<br>two<br />three</p><p>four</p>')).toBe('one\ntwo\nthree\n\nfour');
    expect(htmlToText('It&#x27;s &quot;fine&quot;<p>Really &gt; 2 &amp; &lt;3<p><a href="x">link</a>')).toBe(
      'It\'s "fine"\n\nReally > 2 & <3\n\nlink',
    );
  });

  it('decodes entities once, and leaves unknown ones alone', () => {
    expect(decodeEntities('&amp;lt; &#8217; &#x1F600; &bogus; &#xFFFFFFF;')).toBe(
      '&lt; ’ 😀 &bogus; &#xFFFFFFF;',
    );
    expect(htmlToText('&lt;b&gt;not a tag&lt;/b&gt;')).toBe('<b>not a tag</b>');
  });
});
