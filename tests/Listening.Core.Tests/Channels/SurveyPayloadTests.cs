using System.Text;
using Listening.Core.Channels;
using Listening.Core.Channels.Surveys;

namespace Listening.Core.Tests.Channels;

public class SurveyPayloadTests
{
    [Fact]
    public void Typeform_response_maps_open_answer_nps_rating_and_hidden_author()
    {
        var response = TypeformPayload.Parse(Payload.Bytes("typeform-form_response.json"));
        var (item, reason) = SurveyMapper.ToFeedback(response, "acme");
        Assert.Null(reason);
        Assert.Equal("Delivery was fast, but the courier was rude on the phone.", item!.Text);
        Assert.Equal(9, item.Nps);
        Assert.Equal(4, item.Rating);
        Assert.Equal("maria.ivanova@example.com", item.Author!.Email);
        Assert.Equal("Maria", item.Author.Name);
        Assert.Equal("a3a12ec67a1365927098a606107fac15", item.ExternalId);
        Assert.Equal("typeform", item.Source);
        Assert.Equal("survey", item.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T09:14:02Z"), item.CreatedAt);
        Assert.Empty(item.Validate());
    }

    [Fact]
    public void Configured_questions_override_detection()
    {
        var response = TypeformPayload.Parse(Payload.Bytes("typeform-form_response.json"));
        var mapping = new SurveyMapping { NpsQuestion = "delivery_rating", RatingQuestion = "How likely are you to recommend Acme to a friend?" };
        var (item, _) = SurveyMapper.ToFeedback(response, "acme", mapping);
        Assert.Equal(4, item!.Nps);
        Assert.Null(item.Rating); // 9 is not on a 1–5 scale
    }

    [Fact]
    public void Opinion_scale_about_recommending_is_taken_as_nps()
    {
        var json = """
        {"event_id":"e","event_type":"form_response","form_response":{"token":"t1","submitted_at":"2026-01-01T00:00:00Z",
         "definition":{"fields":[{"id":"a","title":"Would you recommend us?","type":"opinion_scale"},{"id":"b","title":"Why?","type":"long_text"}]},
         "answers":[{"type":"number","number":2,"field":{"id":"a","type":"opinion_scale"}},{"type":"text","text":"Too slow","field":{"id":"b","type":"long_text"}}]}}
        """;
        var (item, _) = SurveyMapper.ToFeedback(TypeformPayload.Parse(Encoding.UTF8.GetBytes(json)), "acme");
        Assert.Equal(2, item!.Nps);
        Assert.Null(item.Author);
    }

    [Fact]
    public void Response_without_open_text_is_not_an_item_and_says_why()
    {
        var json = """{"event_type":"form_response","form_response":{"token":"t2","answers":[{"type":"number","number":10,"field":{"id":"a","type":"nps"}}]}}""";
        var (item, reason) = SurveyMapper.ToFeedback(TypeformPayload.Parse(Encoding.UTF8.GetBytes(json)), "acme");
        Assert.Null(item);
        Assert.Contains("open-text", reason);
    }

    [Fact]
    public void Broken_json_is_a_payload_error_not_a_crash()
    {
        Assert.Throws<WebhookPayloadException>(() => TypeformPayload.Parse(Encoding.UTF8.GetBytes("{\"form_response\":")));
        Assert.Throws<WebhookPayloadException>(() => TypeformPayload.Parse(Encoding.UTF8.GetBytes("{\"event_type\":\"form_response\"}")));
    }

    [Fact]
    public void Formbricks_finished_response_maps_nps_text_and_contact_info()
    {
        var response = FormbricksPayload.Parse(Payload.Bytes("formbricks-responseFinished.json"));
        var (item, _) = SurveyMapper.ToFeedback(response!, "acme");
        Assert.Equal("Очень долго ждала доставку, поддержка не отвечала три дня.", item!.Text);
        Assert.Equal(3, item.Nps);
        Assert.Equal("olga.smirnova@example.ru", item.Author!.Email);
        Assert.Equal("Ольга Смирнова", item.Author.Name);
        Assert.Equal("cm3x7e1a20005qz8hb7c9d0e1", item.ExternalId);
    }

    [Fact]
    public void Formbricks_response_that_is_not_finished_is_ignored()
    {
        var json = """{"webhookId":"w","event":"responseCreated","data":{"id":"r","finished":false,"data":{"q":"hi"}}}""";
        Assert.Null(FormbricksPayload.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void SurveyMonkey_event_names_the_response_and_the_details_carry_the_answers()
    {
        var evt = SurveyMonkeyPayload.ParseEvent(Payload.Bytes("surveymonkey-response_completed.json"));
        Assert.Equal(new SurveyMonkeyEvent("10045821537", "response_completed", "114220366390", "405329018"), evt);
        var (item, _) = SurveyMapper.ToFeedback(SurveyMonkeyPayload.ParseDetails(Payload.Bytes("surveymonkey-response-details.json")), "acme");
        Assert.Equal("The staff in the Riga store were friendly and the prices are fair.", item!.Text);
        Assert.Equal(10, item.Nps);
        Assert.Equal("john.baker@example.com", item.Author!.Email);
        Assert.Equal("John Baker", item.Author.Name);
        Assert.Equal("114220366390", item.ExternalId);
    }

    [Fact]
    public void Qualtrics_msg_and_response_map_text_nps_and_recipient()
    {
        var evt = QualtricsPayload.ParseEvent("surveyengine.completedResponse.SV_6RoYbWdLf7YhqFE", Payload.Text("qualtrics-msg.json"));
        Assert.Equal("R_1dBzQ6jW8mvXk3P", evt.ResponseId);
        Assert.Equal("SV_6RoYbWdLf7YhqFE", evt.SurveyId);
        var response = QualtricsPayload.ParseResponse(Payload.Bytes("qualtrics-response.json"));
        var (item, _) = SurveyMapper.ToFeedback(response, "acme", new SurveyMapping { RatingQuestion = "QID3" });
        Assert.Equal("Checkout kept failing on the app and support took a week to answer.", item!.Text);
        Assert.Equal(6, item.Nps);
        Assert.Equal(2, item.Rating);
        Assert.Equal("jan.kowalski@example.com", item.Author!.Email);
        Assert.Equal("Jan Kowalski", item.Author.Name);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T12:03:45.123Z"), item.CreatedAt);
    }

    [Fact]
    public void Google_forms_submission_maps_scale_rating_and_name()
    {
        var (item, _) = SurveyMapper.ToFeedback(GoogleFormsPayload.Parse(Payload.Bytes("google-forms-submission.json")), "acme");
        Assert.Equal("Very clean store, but the queue at the till was long.", item!.Text);
        Assert.Equal(8, item.Nps);
        Assert.Equal(5, item.Rating);
        Assert.Equal("li.wei@example.com", item.Author!.Email);
        Assert.Equal("Li Wei", item.Author.Name);
        Assert.Equal("2_ABaOnud8Hq1vW3sK9xYpLmN0", item.ExternalId);
    }

    [Fact]
    public void Generic_payload_takes_one_item_or_an_array_and_the_url_brand_wins()
    {
        var one = GenericPayload.Parse(Encoding.UTF8.GetBytes("""{"text":"ok","brand":"evil","externalId":"x1"}"""), "acme");
        Assert.Equal("acme", Assert.Single(one).Brand);
        var many = GenericPayload.Parse(Encoding.UTF8.GetBytes("""[{"text":"a"},{"text":"b","source":"kiosk"}]"""), "acme");
        Assert.Equal(["webhook", "kiosk"], many.Select(i => i.Source));
        Assert.Throws<WebhookPayloadException>(() => GenericPayload.Parse(Encoding.UTF8.GetBytes("[1,2]"), "acme"));
    }
}
