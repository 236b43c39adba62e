# shares.gp — each category's share of the respondents beside its share of
# the residents (the age profile of a consultation against its area).
#
# reach runs: gnuplot -e "data='FILE'; output='FILE'; term='svg'; rows=N; top=X" shares.gp
# Every value is set by reach itself; category labels are read from the data
# file as data, never as code.
# Data: tab-separated, one row per category: label  respondents %  residents %
if (term eq "svg") set terminal svg size 760, 380 dynamic font "sans,12"
if (term eq "png") set terminal pngcairo size 760, 380 font "sans,11"
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set style data histograms
set style histogram clustered gap 1
set style fill solid 1.0 border -1
set boxwidth 0.9
set yrange [0:top]
set ylabel "share (%)"
set xtics rotate by -30
set key top right
set grid ytics lc rgb "#dddddd"
# Okabe-Ito: respondents blue, residents orange; the table gives the figures.
plot data using 2:xtic(1) title "respondents" lc rgb "#0072B2", '' using 3 title "residents" lc rgb "#E69F00"
