# gen-export.sh SPEC... — writes a synthetic export to stdout (for the disclosure cases): each SPEC is "COUNT|age|sex|ethnic group".
echo 'Response ID,Submitted,What is your age?,What is your sex?,What is your ethnic group?'
i=0
for spec in "$@"; do
	n=${spec%%|*}; rest=${spec#*|}
	IFS='|' read -r age sex eth <<X
$rest
X
	while [ "$n" -gt 0 ]; do
		i=$((i + 1)); n=$((n - 1))
		echo "R$i,2025-03-01 10:00,$age,$sex,\"$eth\""
	done
done
