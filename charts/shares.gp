# shares.gp — each category's share of the respondents beside its share of
# the residents (the age profile of a consultation against its area).
#
# reach writes the script: the file names (data, output, term), then its
# definitions (rows; top, the axis end; respondents_colour and
# reference_colour; standalone, title, subtitle and footnote for a chart
# file standing alone), then this template. Category labels are read from
# the data file as data, never as code; all text is literal (noenhanced).
# Data: tab-separated, one row per category: label  respondents %  residents %
# Conventions (README "Charts"): respondents solid bluish green, residents
# black hatched (the census, what the figures are read against), so that
# the two read apart without colour; each at least 3:1 against white.
head = standalone ? 56.0 : 8.0
height = head + 18 + 340 + (standalone ? 40 : 0)
if (term eq "svg") set terminal svg size 760, height dynamic noenhanced font "sans,12" background "#FFFFFF"
if (term eq "png") set terminal pngcairo size 760, height noenhanced font "sans,11" background "#FFFFFF"
set termoption noenhanced
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set yrange [0:top]
set ylabel "share (%)"
set xtics rotate by -30
set key at screen 0.01, screen 1 - head / height left top Left reverse horizontal samplen 3 width 2
set tmargin at screen 1 - (head + 18 + 14) / height
if (standalone) set label 98 title . "\n" . subtitle at screen 0.5, screen 1 - 6.0 / height center front font ",13" \
    offset 0, -1; set label 99 footnote at screen 0.01, screen 22.0 / height left font ",9"; \
    set bmargin at screen 106.0 / height
set grid ytics lc rgb "#DDDDDD"
plot data using 2:xtic(1) title "respondents" fs solid 1.0 border lc rgb respondents_colour lc rgb respondents_colour, \
     '' using 3 title "residents (census)" fs pattern 4 border lc rgb reference_colour lc rgb reference_colour
