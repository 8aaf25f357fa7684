// Where X keeps what we read. All seen on x.com in November 2025 (desktop, home, lists, search,
// profiles, threads and a single post's page share the article markup), and in
// shared/fixtures/x-home-timeline.html. When X changes its markup, this is the one file to fix.
export const S = Object.freeze({
  // Every post, wherever X lists it; a post's page shows the focused post as one too.
  post: 'article[data-testid="tweet"]',
  // The post's words; emoji are <img alt>, hashtags and mentions are links inside it.
  text: '[data-testid="tweetText"]',
  // Display name and @handle; a quoted post has a second one inside its link box.
  userName: '[data-testid="User-Name"]',
  // "A member reposted", "Pinned": above the author's name.
  socialContext: '[data-testid="socialContext"]',
  // A quoted post is a clickable box with no test id of its own (seen: div[tabindex="0"][role="link"]).
  quoteBox: 'div[role="link"]',
  // "Show more" on a long post: the text is cut until the reader opens the post.
  showMore: '[data-testid="tweet-text-show-more-link"]',
  // The post's own permalink carries the timestamp: /handle/status/ID.
  permalink: 'a[href*="/status/"]:has(> time)',
});

// Our own decoration: the attributes of the hosts we add to a post, so we never mistake them for X's content.
export const OVERLAY_ATTR = "data-wedgewatch-overlay";
export const CAMPAIGN_ATTR = "data-wedgewatch-campaign";
