package org.chorus.follows;

import java.util.List;
import java.util.Map;
import org.chorus.email.Letter;
import org.chorus.email.LetterBlock;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.chorus.statements.PublishedStatement;
import org.chorus.statements.ReadingStatements;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes the letters followers get, each in the follower's language (a statement's own words as published). */
@Component
class FollowLetters {

    private final MessageSource messages;
    private final ChorusProperties settings;
    private final ReadingStatements statements;

    private final org.chorus.shared.config.SiteName site;
    private final org.chorus.campaigns.ReadingCampaigns campaigns;
    private final org.chorus.places.Gazetteer gazetteer;

    FollowLetters(
            MessageSource messages,
            ChorusProperties settings,
            ReadingStatements statements,
            org.chorus.shared.config.SiteName site,
            org.chorus.campaigns.ReadingCampaigns campaigns,
            org.chorus.places.Gazetteer gazetteer) {
        this.campaigns = campaigns;
        this.gazetteer = gazetteer;
        this.statements = statements;
        this.messages = messages;
        this.settings = settings;
        this.site = site;
    }

    Messages in(Language language) {
        return new Messages(messages, language.locale());
    }

    static Language language(String tag) {
        return Language.byTag(tag).orElse(Language.DEFAULT);
    }

    /** An organization's name, or "the topic “…”" in the reader's language. */
    String targetName(Language language, FollowTarget target, Map<OrganizationId, Organization> organizations) {
        if (target.isOrganization()) {
            var organization = organizations.get(target.organization());
            return organization == null ? "?" : organization.name();
        }
        if (target.isCampaign()) {
            var campaign = target.campaign();
            var title = campaigns
                    .published(campaign.slug(), language.tag())
                    .map(org.chorus.campaigns.PublishedCampaign::title)
                    .orElse(campaign.slug());
            var near = campaign.near();
            return near == null
                    ? in(language).t("follows.target.campaign", title)
                    : in(language).t("follows.target.campaign-near", title, near.kilometres(), cityName(near));
        }
        return in(language).t("follows.target.topic", topicLabel(target));
    }

    /** A topic as writers wrote it ("Loss and damage"), not its slug. */
    private String topicLabel(FollowTarget target) {
        return statements.topic(target.topic()).label();
    }

    /** Why the follower gets a letter: the footer line. */
    String reason(Language language, FollowTarget target, boolean includeChildren, String targetName) {
        var t = in(language);
        if (target.isCampaign()) {
            return t.t("follows.letter.reason.campaign", targetName, site.name());
        }
        if (!target.isOrganization()) {
            return t.t("follows.letter.reason.topic", topicLabel(target), site.name());
        }
        return includeChildren
                ? t.t("follows.letter.reason.organization-below", targetName, site.name())
                : t.t("follows.letter.reason.organization", targetName, site.name());
    }

    Letter confirmation(Language language, FollowTarget target, String targetName, String confirmUrl) {
        var t = in(language);
        return new Letter(
                "follows.confirm",
                language,
                t.t("follows.letter.confirm.subject", targetName),
                List.of(
                        new LetterBlock.Paragraph(t.t(
                                "follows.letter.confirm.text" + (target.isCampaign() ? ".campaign" : ""), targetName)),
                        new LetterBlock.Button(t.t("follows.letter.confirm.button"), confirmUrl),
                        new LetterBlock.Paragraph(t.t("follows.letter.confirm.ignore"))),
                t.t("follows.letter.confirm.reason", site.name()));
    }

    Letter alreadyFollowing(Language language, FollowTarget target, String targetName, String preferencesUrl) {
        var t = in(language);
        return new Letter(
                "follows.already",
                language,
                t.t("follows.letter.already.subject", targetName),
                List.of(
                        new LetterBlock.Paragraph(t.t(
                                "follows.letter.already.text" + (target.isCampaign() ? ".campaign" : ""), targetName)),
                        new LetterBlock.Button(t.t("follows.letter.already.button"), preferencesUrl)),
                t.t("follows.letter.confirm.reason", site.name()));
    }

    Letter notice(Language language, PublishedStatement statement, Organization issuer, String reason) {
        var t = in(language);
        var text = statement.text(language.tag());
        var issuerName = issuer == null ? "?" : issuer.name();
        var blocks = new java.util.ArrayList<LetterBlock>();
        var republication = statement.republication();
        var publisher = republication == null || republication.publisher().isBlank() ? "?" : republication.publisher();
        blocks.add(new LetterBlock.Paragraph(
                republication == null
                        ? t.t("follows.letter.notice.intro", issuerName)
                        : t.t("follows.letter.republication.intro", issuerName, publisher)));
        blocks.add(new LetterBlock.Items(
                List.of(new LetterBlock.Item(text.title(), statementUrl(statement, text), summary(text)))));
        blocks.add(new LetterBlock.Button(t.t("follows.letter.notice.button"), statementUrl(statement, text)));
        return new Letter(
                "follows.statement",
                language,
                republication == null
                        ? t.t("follows.letter.notice.subject", issuerName, text.title())
                        : t.t("follows.letter.republication.subject", issuerName, text.title()),
                blocks,
                reason);
    }

    Letter digest(
            Language language,
            String targetName,
            String reason,
            List<PublishedStatement> statements,
            Map<OrganizationId, Organization> issuers) {
        var t = in(language);
        var items = statements.stream()
                .map(s -> {
                    var text = s.text(language.tag());
                    var issuer = issuers.get(s.issuer());
                    var detail = (issuer == null ? "" : issuer.name() + " · ") + summary(text);
                    return new LetterBlock.Item(text.title(), statementUrl(s, text), detail);
                })
                .toList();
        return new Letter(
                "follows.digest",
                language,
                t.t("follows.letter.digest.subject", targetName),
                List.of(
                        new LetterBlock.Paragraph(t.t("follows.letter.digest.intro", statements.size(), targetName)),
                        new LetterBlock.Items(items)),
                reason);
    }

    /** The name of the city a campaign's follower chose ("Lyon"), or "?" should the gazetteer lose it. */
    String cityName(FollowTarget.Near near) {
        return gazetteer.city(near.city()).map(org.chorus.places.City::name).orElse("?");
    }

    /** The campaign's new actions since the last letter, each with its time in its own zone and its city. */
    Letter campaignNews(
            Language language,
            String targetName,
            String reason,
            String campaignSlug,
            List<org.chorus.actions.NewAction> actions) {
        var t = in(language);
        var when = org.chorus.actions.ActionTimes.whenFormat(language.locale());
        var items = actions.stream()
                .map(a -> {
                    var place = a.city().isBlank()
                            ? t.t("follows.letter.campaign.online")
                            : a.city()
                                    + (a.kilometres() == null
                                            ? ""
                                            : " · " + t.t("follows.letter.campaign.km", a.kilometres()));
                    return new LetterBlock.Item(
                            a.title(),
                            settings.link(a.path()),
                            org.chorus.actions.ActionTimes.when(a.start(), when) + " · " + place);
                })
                .toList();
        return new Letter(
                "follows.campaign",
                language,
                t.t("follows.letter.campaign.subject", actions.size(), targetName),
                List.of(
                        new LetterBlock.Paragraph(t.t("follows.letter.campaign.intro", actions.size(), targetName)),
                        new LetterBlock.Items(items),
                        new LetterBlock.Button(
                                t.t("follows.letter.campaign.button"), settings.link("/c/" + campaignSlug))),
                reason);
    }

    private String statementUrl(PublishedStatement statement, PublishedStatement.Text text) {
        return settings.link("/s/" + statement.slug()
                + (text.language().equals(statement.originalLanguage()) ? "" : "/" + text.language()));
    }

    private static String summary(PublishedStatement.Text text) {
        if (text.subtitle() != null && !text.subtitle().isBlank()) {
            return text.subtitle();
        }
        var excerpt = text.excerpt() == null ? "" : text.excerpt().strip();
        if (excerpt.length() <= 240) {
            return excerpt;
        }
        var cut = excerpt.lastIndexOf(' ', 237);
        return excerpt.substring(0, cut > 0 ? cut : 237) + "…";
    }
}
