# ratios.gp — the representation ratio of each category of one dimension,
# with its confidence interval, against the parity line at 1.
#
# reach runs: gnuplot -e "data='FILE'; output='FILE'; term='svg'; rows=N; top=X" ratios.gp
# Every value is set by reach itself (file names it made, numbers); the
# category labels are read from the data file as data, never as code.
# Data: tab-separated, one row per category:
#   label  ratio  lower  upper  colour (the reading's, from reach's table of readings:
#   1 under-represented, 2 slightly under, 3 no clear difference, 4 over-represented,
#   5 too few to say, 6 perhaps under or over (interval includes 1), 7 slightly over)
if (term eq "svg") set terminal svg size 760, 60 + 26 * rows dynamic font "sans,12"
if (term eq "png") set terminal pngcairo size 760, 60 + 26 * rows font "sans,11"
set output output
set datafile separator "\t"
set border 3
set tics nomirror
unset key
set xrange [0:top]
set yrange [rows - 0.5:-0.5]
set xlabel "representation ratio: share of respondents / share of residents (1 = in proportion)"
set grid xtics lc rgb "#dddddd"
set arrow 1 from 1, graph 0 to 1, graph 1 nohead lw 2 lc rgb "#000000" dt 2
# Okabe-Ito colours, safe for colour-blind readers; the table says the same in words.
colour(k) = k == 1 ? 0xD55E00 : k == 2 ? 0xE69F00 : k == 4 ? 0x0072B2 : k == 5 ? 0x999999 : \
    k == 6 ? 0xCC79A7 : k == 7 ? 0x56B4E9 : 0x009E73
plot data using 2:0:3:4:(colour($5)):ytic(1) with xerrorbars lw 2 pt 7 ps 1.2 lc rgb variable notitle
