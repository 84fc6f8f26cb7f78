import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A monitoring dashboard (unnamed package) that opens a ReportPanel per alert. Each panel keeps a 20,000-point
 * chart series and registers an anonymous ThemeListener with the global ThemeManager so it can repaint in dark
 * mode. Panels are "closed" when the alert resolves, but the listener is never removed, and the anonymous class
 * holds its panel (this$0): ~2 panels/s of ~160 KB stay alive.
 */
public class AlertDashboard {

    interface ThemeListener {
        void themeChanged(String theme);
    }

    static final class ThemeManager {
        private static final List<ThemeListener> LISTENERS = new CopyOnWriteArrayList<>();
        private static String theme = "light";

        static void addListener(ThemeListener l) {
            LISTENERS.add(l);
        }

        static void removeListener(ThemeListener l) {
            LISTENERS.remove(l);
        }

        static void switchTo(String newTheme) {
            theme = newTheme;
            for (ThemeListener l : LISTENERS) {
                l.themeChanged(newTheme);
            }
        }
    }

    static class ReportPanel {
        private final String alertName;
        private final double[] series = new double[20_000];
        private String palette = "light";
        private boolean open = true;

        ReportPanel(String alertName, Random random) {
            this.alertName = alertName;
            for (int i = 0; i < series.length; i++) {
                series[i] = Math.sin(i / 100.0) * 50 + random.nextGaussian();
            }
            ThemeManager.addListener(new ThemeListener() {
                @Override
                public void themeChanged(String theme) {
                    palette = theme;
                    if (open) {
                        repaint();
                    }
                }
            });
        }

        String repaint() {
            double[] smooth = new double[series.length]; // a moving average, thrown away after drawing
            for (int i = 1; i < series.length; i++) {
                smooth[i] = smooth[i - 1] * 0.9 + series[i] * 0.1;
            }
            StringBuilder svg = new StringBuilder("<svg><title>").append(alertName).append("</title><path d='");
            for (int i = 0; i < smooth.length; i += 200) {
                svg.append(i == 0 ? 'M' : 'L').append(i / 20).append(',').append((int) smooth[i]).append(' ');
            }
            return svg.append("' class='").append(palette).append("'/></svg>").toString();
        }

        void close() {
            open = false;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) { }
            } catch (IOException ignored) { }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        Random random = new Random(99);
        List<ReportPanel> openPanels = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 600_000;
        int ticks = 0;
        System.out.println("ready");
        long drawn = 0;
        while (System.currentTimeMillis() < deadline) {
            openPanels.add(new ReportPanel("cpu-high-" + random.nextInt(500), random));
            for (ReportPanel p : openPanels) {
                drawn += p.repaint().length();
            }
            if (openPanels.size() > 5) {
                openPanels.remove(0).close(); // the alert resolved; its ThemeListener stays registered
            }
            if (++ticks % 20 == 0) {
                ThemeManager.switchTo(ThemeManager.theme.equals("light") ? "dark" : "light");
            }
            Thread.sleep(500);
        }
        System.out.println(drawn);
        System.exit(0);
    }
}
