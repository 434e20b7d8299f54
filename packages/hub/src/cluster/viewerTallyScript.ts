/**
 * Sets this node's viewer count in a room's hash (KEYS[1]) and returns the room's total over all
 * nodes, in one atomic step. Each field is `<count>:<expiry ms>` by Redis's own clock, so a node
 * that died (SIGKILL) drops out of the total once its field expires; fields that expired or do not
 * parse are deleted. A count of 0 deletes the node's field.
 * ARGV: node id, this node's viewers, field lifetime (ms).
 */
export const VIEWER_TALLY_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lifetime = tonumber(ARGV[3])
if tonumber(ARGV[2]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. (now + lifetime))
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
local total = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local value = fields[i + 1]
  local sep = string.find(value, ':', 1, true)
  local count = sep and tonumber(string.sub(value, 1, sep - 1))
  local expires = sep and tonumber(string.sub(value, sep + 1))
  if not count or not expires or expires < now or count < 0 then
    redis.call('HDEL', KEYS[1], fields[i])
  else
    total = total + count
  end
end
if total > 0 then redis.call('PEXPIRE', KEYS[1], lifetime) end
return total
`;
