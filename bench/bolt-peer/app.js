// The smallest Bolt-JS app that does what `/weekly-update help` does: verify Slack's signature and ack an ephemeral.
// Started by bench/AsyncLead.LoadBench (save mode) with PORT and SLACK_SIGNING_SECRET; prints "ready" once listening.
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // A fixed installation: with a token alone Bolt asks auth.test on the first request, and nothing leaves loopback here.
  authorize: async () => ({ botToken: 'xoxb-bench-token', botId: 'B_BENCH', botUserId: 'U_BENCH_BOT' }),
  logLevel: LogLevel.ERROR,
});

app.command('/weekly-update', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Write your weekly update: `/weekly-update` opens the form.' });
});

(async () => {
  await app.start(Number(process.env.PORT));
  console.log('ready');
})();
