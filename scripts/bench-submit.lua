-- wrk script of `npm run bench:submit -- --client wrk`: public-form submissions, each with a
-- submission token of its own (WRK_PREFIX, 6 characters, then the thread's number and a counter, in
-- the server's token alphabet), the rest of the form from WRK_BODY. Counts the 303s (accepted) and
-- everything else, and prints one JSON line at the end for bench-submit.ts to read.
local alphabet = "abcdefghijklmnopqrstuvwxyz234567"
local prefix = os.getenv("WRK_PREFIX")
local rest = os.getenv("WRK_BODY")
local threads = {}
counter = 0
accepted = 0
other = 0

local function b32(n, width)
	local s = ""
	for _ = 1, width do
		local d = n % 32
		s = alphabet:sub(d + 1, d + 1) .. s
		n = math.floor(n / 32)
	end
	return s
end

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function request()
	counter = counter + 1
	local token = prefix .. b32(id, 2) .. b32(counter, 24)
	return wrk.format("POST", nil, nil, "submission_token=" .. token .. "&" .. rest)
end

function response(status)
	if status == 303 then
		accepted = accepted + 1
	else
		other = other + 1
	end
end

function done(summary, latency)
	local acc, oth = 0, 0
	for _, t in ipairs(threads) do
		acc = acc + t:get("accepted")
		oth = oth + t:get("other")
	end
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write
		+ summary.errors.timeout
	io.write(string.format(
		'{"wrk":true,"accepted":%d,"other":%d,"requests":%d,"errors":%d,"us":%d,"p50us":%d,"p99us":%d}\n',
		acc, oth, summary.requests, errors, summary.duration,
		latency:percentile(50), latency:percentile(99)))
end
