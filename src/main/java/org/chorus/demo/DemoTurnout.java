package org.chorus.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.chorus.actions.ActionForm;
import org.chorus.actions.HostingActions;
import org.chorus.campaigns.CampaignDraft;
import org.chorus.campaigns.WritingCampaigns;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.places.Gazetteer;
import org.chorus.turnout.FilingTurnoutReports;
import org.chorus.turnout.TurnoutForm;
import org.springframework.stereotype.Component;

/**
 * The demo's turnout report: a short campaign that ended last week, "Assembly for a just transition", whose action in
 * Nairobi has its report with a photo drawn here (no file from anywhere), so the action's page and the campaign's
 * totals show what hosts file.
 */
@Component
class DemoTurnout {

    private final WritingCampaigns campaigns;
    private final HostingActions hosting;
    private final FilingTurnoutReports filing;
    private final Gazetteer gazetteer;
    private final Clock clock;

    DemoTurnout(
            WritingCampaigns campaigns,
            HostingActions hosting,
            FilingTurnoutReports filing,
            Gazetteer gazetteer,
            Clock clock) {
        this.campaigns = campaigns;
        this.hosting = hosting;
        this.filing = filing;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    void seed(Actor organizer, Organization coalition) {
        var today = LocalDate.now(clock);
        var day = today.minusDays(9);
        var campaign = campaigns.create(
                organizer,
                coalition.id(),
                new CampaignDraft(
                        "en",
                        "Assembly for a just transition",
                        "One week of public assemblies on a just transition for workers and communities.",
                        "Workers, neighbours and students met in public squares to discuss a **just transition**.",
                        "A just transition for workers and communities",
                        "UTC",
                        today.minusDays(12).toString(),
                        today.minusDays(6).toString(),
                        List.of(day.toString()),
                        List.of("PROTEST"),
                        "",
                        ""));
        campaigns.publish(organizer, campaign.slug());
        var nairobi = gazetteer.suggest("Nairobi", Optional.of("KE"), 1);
        if (nairobi.isEmpty()) {
            return; // a gazetteer without Nairobi seeds no report
        }
        var start = day.atTime(10, 0);
        var action = hosting.register(
                organizer,
                campaign.slug(),
                new ActionForm(
                        "PROTEST",
                        "People’s assembly at Uhuru Park",
                        "An open assembly: speeches, then groups on jobs, energy and housing.",
                        "",
                        start.toString(),
                        start.plusHours(3).toString(),
                        "",
                        "",
                        "Uhuru Park",
                        "",
                        Long.toString(nairobi.getFirst().id()),
                        "",
                        "",
                        false,
                        ""));
        filing.file(
                organizer,
                action.id(),
                new TurnoutForm(
                        "850",
                        "About **850 people** came: transport workers, students and neighbours. Five working groups"
                                + " wrote demands for the city council.",
                        List.of(),
                        List.of()),
                List.of(new TurnoutForm.Upload(
                        photo(), "A crowd in the park behind a green banner reading Just transition now")));
    }

    /** A picture of a crowd behind a banner, drawn in code. */
    static byte[] photo() {
        var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x9fd3f0));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(0x4f8a3c));
        g.fillRect(0, 520, 1200, 280);
        var random = new java.util.Random(16);
        for (int i = 0; i < 260; i++) {
            int x = random.nextInt(1200);
            int y = 470 + random.nextInt(300);
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.7f));
            g.fillRoundRect(x - 14, y, 28, 60, 12, 12);
            g.setColor(new Color(0x6b4a32 + random.nextInt(0x202020)));
            g.fillOval(x - 11, y - 22, 22, 22);
        }
        g.setColor(new Color(0x1b6b5a));
        g.fillRect(250, 330, 700, 130);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6));
        g.drawRect(250, 330, 700, 130);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("JUST TRANSITION NOW", 270, 420);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
