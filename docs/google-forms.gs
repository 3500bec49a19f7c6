/**
 * Listening — send every Google Forms submission to the Listening webhook.
 *
 * Install: in the form, Extensions → Apps Script, paste this file, then
 *   1. Project Settings → Script properties: LISTENING_URL = https://<app>.azurewebsites.net/api/webhooks/googleforms/<brand>
 *                                            LISTENING_SECRET = the value of Webhooks:googleforms:<brand>:Secret
 *   2. Triggers → Add trigger → onFormSubmit, event source "From form", event type "On form submit".
 *
 * Signature (docs/channels.md): X-Listening-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>.
 * The server refuses timestamps more than 5 minutes off, and a resend of the same response is one item.
 */
function onFormSubmit(e) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('LISTENING_URL');
  var secret = props.getProperty('LISTENING_SECRET');
  var response = e.response;

  var answers = response.getItemResponses().map(function (itemResponse) {
    var item = itemResponse.getItem();
    var type = item.getType();
    var value = itemResponse.getResponse();
    var answer = {
      itemId: String(item.getId()),
      title: item.getTitle(),
      type: String(type), // TEXT, PARAGRAPH_TEXT, SCALE, RATING, MULTIPLE_CHOICE, CHECKBOX, LIST, …
      response: Array.isArray(value) ? value.join(', ') : String(value)
    };
    if (type === FormApp.ItemType.SCALE) {
      var scale = item.asScaleItem();
      answer.lowerBound = scale.getLowerBound();
      answer.upperBound = scale.getUpperBound();
    }
    if (type === FormApp.ItemType.RATING) {
      answer.ratingScaleLevel = item.asRatingItem().getRatingScaleLevel();
    }
    return answer;
  });

  var body = JSON.stringify({
    formId: e.source.getId(),
    responseId: response.getId(),
    submittedAt: response.getTimestamp().toISOString(),
    respondentEmail: response.getRespondentEmail() || null,
    answers: answers
  });

  for (var attempt = 1; attempt <= 3; attempt++) {
    var t = Math.floor(Date.now() / 1000);
    var mac = Utilities.computeHmacSha256Signature(t + '.' + body, secret, Utilities.Charset.UTF_8);
    var hex = mac.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');
    var result = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: body,
      headers: { 'X-Listening-Signature': 't=' + t + ',v1=' + hex },
      muteHttpExceptions: true
    });
    var status = result.getResponseCode();
    if (status < 500) {
      if (status >= 400) console.warn('Listening refused the submission: ' + status + ' ' + result.getContentText());
      return;
    }
    Utilities.sleep(1000 * attempt * attempt);
  }
  console.error('Listening did not accept the submission after 3 attempts');
}
