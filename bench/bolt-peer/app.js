// The smallest Bolt-JS app that does what `/weekly-update help` does: verify Slack's signature and ack an ephemeral.
// Started by bench/AsyncLead.LoadBench (save mode) with PORT and SLACK_SIGNING_SECRET; prints "ready" once listening.
const { App, LogLevel } = require('@slack/bolt');

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: 'xoxb-bench-token',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
});

app.command('/weekly-update', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Write your weekly update: `/weekly-update` opens the form.' });
});

(async () => {
  await app.start(Number(process.env.PORT));
  console.log('ready');
})();
